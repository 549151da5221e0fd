using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>
/// The whole dashboard result (the JSON of <c>GET /api/v1/employers/{id}/dashboard</c> and the model of the page).
/// Every statistic in it went through <see cref="DisclosureControl"/>: groups, cells and figures derived from fewer
/// than <see cref="Threshold"/> newcomers are suppressed. The operational parts (<see cref="AtRisk"/>,
/// <see cref="FailedNudges"/>) are not statistics and are shown as they are. Compute it with <see cref="Compute"/>.
/// </summary>
public sealed record DashboardReport
{
    /// <summary>What the dashboard calls retention; shown on the page and carried in the JSON.</summary>
    public const string RetentionDefinition =
        "Retention is the share of newcomers still employed a given time after their start date, estimated with the " +
        "Kaplan–Meier method: time runs from the start date to the departure date HR recorded; newcomers still " +
        "employed count up to the as-of date (censored), cancelled enrolments up to the cancellation, so people who " +
        "have not yet reached 6, 12 or 24 months are neither counted as staying nor as leaving. Intervals are 95% " +
        "confidence intervals (Greenwood variance, log-log transform).";

    internal DashboardReport()
    {
    }

    public required string EmployerId { get; init; }

    /// <summary>First start date included (the query's <c>from</c>, or the earliest start date); null when nobody is enrolled.</summary>
    public LocalDate? From { get; init; }
    public required LocalDate To { get; init; }
    public required int Threshold { get; init; }
    public string Definition { get; init; } = RetentionDefinition;
    public required DashboardCounts Counts { get; init; }
    public required GroupSurvival Overall { get; init; }
    public required IReadOnlyList<GroupComparison> Comparisons { get; init; }
    public required CohortTable Cohorts { get; init; }
    public required EngagementSummary Engagement { get; init; }
    public required IReadOnlyList<AtRiskNewcomer> AtRisk { get; init; }

    /// <summary>Nudges the dispatcher gave up on (a permanent failure or the retries used up), so HR can act on them (never suppressed).</summary>
    public required FailedNudgeSummary FailedNudges { get; init; }

    /// <summary>Computes the dashboard over one employer's records.</summary>
    public static DashboardReport Compute(IEnumerable<RetentionRecord> records, DashboardQuery query)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(query);
        return DashboardComputation.Compute(records, query);
    }
}
