namespace Retention.Core.Journeys;

/// <summary>The reasons written to <see cref="Nudge.StatusReason"/> by rules (dispatch adds a few of its own in words).</summary>
public static class NudgeStatusReasons
{
    /// <summary>The recipient's address is unsubscribed (for this employer); lifted only by that person's re-consent.</summary>
    public const string Unsubscribed = "unsubscribed";

    /// <summary>A change of the enrolment moved or removed the milestone.</summary>
    public const string Replanned = "re-planned";

    /// <summary>Another live nudge holds the same milestone (kind, audience, reason).</summary>
    public const string Duplicate = "duplicate of a live nudge for the same milestone";

    /// <summary>The enrolment no longer runs a journey, e.g. <c>enrolment is paused</c>.</summary>
    public static string NotActive(string status) => "enrolment is " + status;
}
