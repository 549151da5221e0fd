namespace Retention.Core.Application;

/// <summary>What a one-click link did; the link page words it for the person who clicked.</summary>
public enum LinkOutcome
{
    Recorded,

    /// <summary>The same action was recorded before (a second click, a mail scanner): nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>Forged, tampered or expired token: nothing recorded.</summary>
    InvalidToken,

    /// <summary>The nudge or enrolment no longer exists or no longer takes actions (cancelled, erased).</summary>
    Gone,

    /// <summary>The submitted answer was not valid (e.g. a check-in value outside 1..5).</summary>
    InvalidInput,

    /// <summary>The link's message has not gone out (yet): nothing is recorded for a message nobody received.</summary>
    NotSent,

    /// <summary>A link from a journey preview: it records nothing, ever.</summary>
    Preview,
}
