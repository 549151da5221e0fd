namespace Retention.Core.Analytics;

/// <summary>What became of the ildsjel's welcome-lunch nudge for one newcomer.</summary>
public enum WelcomeLunchState
{
    /// <summary>The nudge has not gone out yet (still scheduled or sending).</summary>
    NotYetDue,

    /// <summary>The ildsjel marked it done (on the nudge or on its reminder).</summary>
    Acted,

    /// <summary>Sent, but snoozed, dismissed or left untouched.</summary>
    NotActed,

    /// <summary>Never reached the ildsjel (no such nudge, cancelled or failed): left out of the comparison.</summary>
    NotSent,
}
