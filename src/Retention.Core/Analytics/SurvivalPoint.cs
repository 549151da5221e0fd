namespace Retention.Core.Analytics;

/// <summary>
/// The Kaplan–Meier estimate just after <see cref="Days"/>. <see cref="Lower"/>/<see cref="Upper"/> are the 95%
/// confidence limits on the log-log scale (null where that transform is undefined: no departure yet, or S = 0).
/// </summary>
public sealed record SurvivalPoint
{
    public required int Days { get; init; }

    /// <summary>Still followed at the start of the day (follow-up ≥ <see cref="Days"/>).</summary>
    public required int AtRisk { get; init; }
    public required int Events { get; init; }
    public required int Censored { get; init; }
    public required double Survival { get; init; }

    /// <summary>Greenwood's sum Σ dᵢ / (nᵢ (nᵢ − dᵢ)) over departures up to <see cref="Days"/>.</summary>
    public required double GreenwoodSum { get; init; }

    /// <summary>Greenwood standard error: S · √(Σ dᵢ / (nᵢ (nᵢ − dᵢ))). Null when the sum is infinite (everyone left).</summary>
    public double? StandardError => double.IsFinite(GreenwoodSum) ? Survival * Math.Sqrt(GreenwoodSum) : null;

    public double? Lower { get; init; }
    public double? Upper { get; init; }
}
