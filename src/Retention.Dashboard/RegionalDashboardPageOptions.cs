namespace Retention.Dashboard;

/// <summary>What the host knows and the report does not: where the JSON of the same report lives.</summary>
public sealed record RegionalDashboardPageOptions
{
    /// <summary>Link to the JSON (e.g. <c>/api/v1/regions/{regionId}/dashboard</c>); no link if null.</summary>
    public string? JsonUrl { get; init; }
}
