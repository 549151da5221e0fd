namespace Retention.Core.Analytics;

/// <summary>
/// Retention of one arrival cohort at an age (months since start). Filled only once every member of the cohort
/// has been employed long enough to have reached that age (<see cref="Complete"/>).
/// </summary>
public sealed record CohortCell(int Months, int Days, bool Complete, Figure Retention);
