namespace Retention.Core.Journeys;

/// <summary>The nudge kinds the planner itself creates (the others come from the journey definition).</summary>
public static class NudgeKinds
{
    /// <summary>Reminds the ildsjel of a nudge not acted on; <see cref="Nudge.FollowsUpNudgeId"/> is the original.</summary>
    public const string IldsjelReminder = "ildsjel-reminder";

    /// <summary>Tells HR an ildsjel nudge is still not acted on after the reminder; HR can name another ildsjel.</summary>
    public const string HrEscalation = "hr-escalation";
}
