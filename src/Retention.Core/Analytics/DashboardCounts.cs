namespace Retention.Core.Analytics;

/// <summary>Head counts of the period: enrolled = not started + employed + left + cancelled.</summary>
public sealed record DashboardCounts(Figure Enrolled, Figure NotStarted, Figure Employed, Figure Left, Figure Cancelled);
