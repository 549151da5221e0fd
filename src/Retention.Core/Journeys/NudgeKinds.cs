namespace Retention.Core.Journeys;

/// <summary>
/// The nudge kinds the code itself names: the ones the planner creates (the others come from the journey definition)
/// and the ones whose point is the region's content.
/// </summary>
public static class NudgeKinds
{
    /// <summary>What is on locally; skipped at send time when the region has nothing in the window.</summary>
    public const string LocalEvents = "local-events";

    /// <summary>What a family can do locally; skipped at send time when the region lists nothing.</summary>
    public const string FamilyActivities = "family-activities";

    /// <summary>Reminds the ildsjel of a nudge not acted on; <see cref="Nudge.FollowsUpNudgeId"/> is the original.</summary>
    public const string IldsjelReminder = "ildsjel-reminder";

    /// <summary>Tells HR an ildsjel nudge is still not acted on after the reminder; HR can name another ildsjel.</summary>
    public const string HrEscalation = "hr-escalation";

    /// <summary>
    /// A nudge that is sent only when the region has something to show. The planner gives it the week's room last, so
    /// that when it is skipped no other nudge was moved for it: it does not count against the weekly cap.
    /// </summary>
    public static bool NeedsLocalContent(string kind) => kind is LocalEvents or FamilyActivities;
}
