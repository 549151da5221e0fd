namespace Retention.Core.Analytics;

/// <summary>The published part of a log-rank test: statistic, degrees of freedom, p-value and the groups it compared.</summary>
public sealed record LogRankSummary(double ChiSquare, int DegreesOfFreedom, double PValue, IReadOnlyList<string> GroupKeys);
