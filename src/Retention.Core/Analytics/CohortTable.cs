namespace Retention.Core.Analytics;

/// <summary>Retention by arrival quarter (rows) and months since start (columns: 3, 6, 12, 24).</summary>
public sealed record CohortTable(IReadOnlyList<int> Months, IReadOnlyList<CohortRow> Rows);
