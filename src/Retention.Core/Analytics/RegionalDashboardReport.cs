using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>
/// The regional dashboard: retention across the employers that share with the region, overall and per municipality.
/// A cell is shown only with at least <see cref="MinimumNewcomers"/> newcomers from at least
/// <see cref="MinimumEmployers"/> employers. No employer, person or per-employer figure is in it.
/// Compute it with <see cref="RegionalDashboardComputation.Compute"/>.
/// </summary>
public sealed record RegionalDashboardReport
{
    internal RegionalDashboardReport()
    {
    }

    public required string RegionName { get; init; }
    public required LocalDate AsOf { get; init; }
    public required int MinimumNewcomers { get; init; }
    public required int MinimumEmployers { get; init; }
    public string Definition { get; init; } = DashboardReport.RetentionDefinition;
    public required RegionalCell Overall { get; init; }

    /// <summary>One cell per municipality of the region, in the region's order.</summary>
    public required IReadOnlyList<RegionalCell> Municipalities { get; init; }
}
