namespace Retention.Core.Analytics;

/// <summary>One arrival quarter (e.g. <c>2027-Q1</c>) of the cohort table.</summary>
public sealed record CohortRow(string Quarter, Figure People, IReadOnlyList<CohortCell> Cells);
