namespace Retention.Core.Journeys;

/// <summary>
/// One step of a journey definition: which nudge goes to whom, when (an anchor plus an offset) and under
/// which conditions. At most one of the offsets is set; <see cref="AtMonths"/> makes one nudge per month.
/// </summary>
public sealed record Milestone
{
    /// <summary>The nudge kind, kebab-case, e.g. <c>welcome-lunch</c>.</summary>
    public required string Kind { get; init; }
    public required Audience Audience { get; init; }

    /// <summary>The reason recorded on the nudge. With <see cref="AtMonths"/> it gets <c>-N</c> appended, with a calendar anchor <c>-YYYY</c>.</summary>
    public required string Reason { get; init; }
    public required MilestoneAnchor Anchor { get; init; }

    /// <summary>The seasonal moment kind for <see cref="MilestoneAnchor.Calendar"/>, otherwise null.</summary>
    public string? Moment { get; init; }
    public int OffsetDays { get; init; }

    /// <summary>Working days (Norwegian calendar) after the anchor, not counting the anchor day.</summary>
    public int OffsetWorkingDays { get; init; }

    /// <summary>One nudge per listed month after the anchor. Null when not repeated.</summary>
    public IReadOnlyList<int>? AtMonths { get; init; }

    /// <summary>True when <see cref="AtMonths"/> comes from <see cref="PlanningOptions.CheckInMonths"/>.</summary>
    public bool AtCheckInMonths { get; init; }
    public MilestoneConditions Conditions { get; init; }

    /// <summary>For ildsjel milestones: remind the ildsjel, then tell HR, if the nudge is not acted on.</summary>
    public bool Escalate { get; init; }
}
