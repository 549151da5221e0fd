namespace Retention.Core.Analytics;

/// <summary>
/// Survival compared across groups, with the log-rank test over the groups that are shown (suppressed groups
/// take no part, so the test reveals nothing about them). <see cref="LogRank"/> is null with fewer than two.
/// </summary>
public sealed record GroupComparison(string Key, string Title, IReadOnlyList<GroupSurvival> Groups, LogRankSummary? LogRank);
