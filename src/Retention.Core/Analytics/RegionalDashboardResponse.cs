namespace Retention.Core.Analytics;

/// <summary>
/// The JSON of <c>GET /api/v1/regions/{regionId}/dashboard</c>: <c>{ regionId, dashboard }</c>, the report under
/// the region's id. Serialise it with the API's JSON options; it holds no employer id, name or address (the
/// report has none to give).
/// </summary>
public sealed record RegionalDashboardResponse(string RegionId, RegionalDashboardReport Dashboard);
