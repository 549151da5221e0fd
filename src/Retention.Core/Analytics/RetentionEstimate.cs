namespace Retention.Core.Analytics;

/// <summary>
/// Retention read off a Kaplan–Meier curve at a checkpoint (6/12/24 months = 182/365/730 days), with its 95%
/// log-log confidence interval and the number still at risk that day.
/// </summary>
public sealed record RetentionEstimate
{
    internal RetentionEstimate()
    {
    }

    public required int Months { get; init; }
    public required int Days { get; init; }

    /// <summary>False while nobody in the group has been followed that long: there is no estimate yet.</summary>
    public required bool Reached { get; init; }
    public required bool Suppressed { get; init; }
    public double? Estimate { get; init; }
    public double? Lower { get; init; }
    public double? Upper { get; init; }
    public int? AtRisk { get; init; }
}
