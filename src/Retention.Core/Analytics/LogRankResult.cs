namespace Retention.Core.Analytics;

/// <summary>
/// The log-rank test of equal survival across groups: χ² with k − 1 degrees of freedom, observed and expected
/// departures per group (in the order the groups were given).
/// </summary>
public sealed record LogRankResult(
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue,
    IReadOnlyList<double> Observed,
    IReadOnlyList<double> Expected);
