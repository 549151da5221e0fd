namespace Retention.Core.Analytics;

/// <summary>Survival of one group of newcomers (all, a municipality, a cohort, ildsjel acted / did not act).</summary>
public sealed record GroupSurvival
{
    internal GroupSurvival()
    {
    }

    public required string Key { get; init; }
    public required string Label { get; init; }
    public required bool Suppressed { get; init; }

    /// <summary>Newcomers in the group who had started by the as-of date.</summary>
    public required Figure People { get; init; }
    public required Figure Departures { get; init; }

    /// <summary>The Kaplan–Meier steps, cut where fewer than the threshold remain at risk; empty when suppressed.</summary>
    public required IReadOnlyList<CurvePoint> Curve { get; init; }
    public required IReadOnlyList<RetentionEstimate> Retention { get; init; }

    /// <summary>Days from start until half had left; value null while not reached.</summary>
    public required Figure MedianTenureDays { get; init; }
}
