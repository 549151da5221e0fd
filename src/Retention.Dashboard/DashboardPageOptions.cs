namespace Retention.Dashboard;

/// <summary>What the host knows and the report does not: a display name and where the JSON and CSV live.</summary>
public sealed record DashboardPageOptions
{
    /// <summary>Shown in the heading instead of the employer id, if given.</summary>
    public string? EmployerName { get; init; }

    /// <summary>Link to the per-newcomer CSV (e.g. <c>/api/v1/employers/{id}/dashboard.csv</c>); no link if null.</summary>
    public string? CsvUrl { get; init; }

    /// <summary>At most this many rows in each individual list (at risk, undelivered nudges); the rest are counted and are in the CSV and JSON.</summary>
    public int MaxAtRiskRows { get; init; } = 200;

    /// <summary>Link to the JSON of the same report; no link if null.</summary>
    public string? JsonUrl { get; init; }
}
