using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>
/// The JSON of <c>GET /api/v1/regions/{regionId}/dashboard</c>: the report with the region's id. Serialise it with
/// the API's JSON options; it holds no employer id, name or address (the report has none to give).
/// </summary>
public sealed record RegionalDashboardResponse
{
    private RegionalDashboardResponse()
    {
    }

    public required string RegionId { get; init; }
    public required string RegionName { get; init; }
    public required LocalDate AsOf { get; init; }
    public required int MinimumNewcomers { get; init; }
    public required int MinimumEmployers { get; init; }
    public required string Definition { get; init; }
    public required RegionalCell Overall { get; init; }
    public required IReadOnlyList<RegionalCell> Municipalities { get; init; }

    public static RegionalDashboardResponse From(string regionId, RegionalDashboardReport report)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regionId);
        ArgumentNullException.ThrowIfNull(report);
        return new RegionalDashboardResponse
        {
            RegionId = regionId,
            RegionName = report.RegionName,
            AsOf = report.AsOf,
            MinimumNewcomers = report.MinimumNewcomers,
            MinimumEmployers = report.MinimumEmployers,
            Definition = report.Definition,
            Overall = report.Overall,
            Municipalities = report.Municipalities,
        };
    }
}
