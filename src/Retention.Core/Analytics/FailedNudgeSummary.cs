namespace Retention.Core.Analytics;

/// <summary>The employer's nudges the dispatcher gave up on (status <c>Failed</c>), and how many newcomers they concern.</summary>
public sealed record FailedNudgeSummary(int Nudges, int Newcomers);
