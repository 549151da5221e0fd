using Retention.Core.Enrollments;

namespace Retention.Core.Analytics;

/// <summary>Computes a <see cref="DashboardReport"/>: one pass to place each record, then tallies per group.</summary>
internal static class DashboardComputation
{
    public static DashboardReport Compute(IEnumerable<RetentionRecord> records, DashboardQuery query)
    {
        var disclosure = new DisclosureControl(query.Threshold);
        var population = records.Where(r => query.From is not { } from || r.StartDate >= from).ToList();
        var started = new List<(RetentionRecord Record, SurvivalObservation Observation)>(population.Count);
        foreach (var record in population)
        {
            if (record.ObservationAt(query.To) is { } observation)
            {
                started.Add((record, observation));
            }
        }

        return new DashboardReport
        {
            EmployerId = query.EmployerId,
            From = query.From ?? (population.Count == 0 ? null : population.Min(r => r.StartDate)),
            To = query.To,
            Threshold = disclosure.Threshold,
            Counts = Counts(population, started, query, disclosure),
            Overall = disclosure.Survival("all", "All newcomers", KaplanMeier.Estimate(SurvivalTally.Of(started.Select(s => s.Observation)))),
            Comparisons =
            [
                WelcomeLunch(started, disclosure),
                Compare("municipality", "By municipality", started, s => s.Record.Municipality, disclosure, poolSmall: true),
                Compare("arrival-quarter", "By arrival quarter", started, s => ArrivalQuarter.Of(s.Record.ArrivalDate), disclosure, poolSmall: false),
            ],
            Cohorts = CohortComputation.Compute(started, query.To, disclosure),
            Engagement = EngagementComputation.Compute(population, query.To, disclosure),
            AtRisk = AtRiskRule.Find(population, query),
        };
    }

    private static DashboardCounts Counts(
        List<RetentionRecord> population,
        List<(RetentionRecord Record, SurvivalObservation Observation)> started,
        DashboardQuery query,
        DisclosureControl disclosure)
    {
        var left = started.Count(s => s.Observation.Left);
        var cancelled = population.Count(r => r.CancellationDate is { } c && c <= query.To && !(r.DepartureDate is { } d && d <= c && d <= query.To));
        var notStarted = population.Count(r => r.StartDate > query.To && !(r.CancellationDate is { } c && c <= query.To));
        var employed = population.Count - left - cancelled - notStarted;
        var hidden = disclosure.SuppressPartition([notStarted, employed, left, cancelled]);
        return new DashboardCounts(
            disclosure.Count(population.Count),
            disclosure.Count(notStarted, hidden[0]),
            disclosure.Count(employed, hidden[1]),
            disclosure.Count(left, hidden[2]),
            disclosure.Count(cancelled, hidden[3]));
    }

    private static GroupComparison WelcomeLunch(List<(RetentionRecord Record, SurvivalObservation Observation)> started, DisclosureControl disclosure)
    {
        var acted = SurvivalTally.Of(started.Where(s => s.Record.WelcomeLunch == WelcomeLunchState.Acted).Select(s => s.Observation));
        var notActed = SurvivalTally.Of(started.Where(s => s.Record.WelcomeLunch == WelcomeLunchState.NotActed).Select(s => s.Observation));
        return Comparison(
            "welcome-lunch",
            "Ildsjel acted on the welcome-lunch nudge",
            [("acted", "Ildsjel acted", acted), ("not-acted", "Ildsjel did not act", notActed)],
            disclosure,
            partitionOfTotal: false);
    }

    private static GroupComparison Compare(
        string key,
        string title,
        List<(RetentionRecord Record, SurvivalObservation Observation)> started,
        Func<(RetentionRecord Record, SurvivalObservation Observation), string> groupOf,
        DisclosureControl disclosure,
        bool poolSmall)
    {
        var groups = started.GroupBy(groupOf, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Label: g.Key, Tally: SurvivalTally.Of(g.Select(s => s.Observation))))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (poolSmall)
        {
            // Small municipalities are pooled rather than dropped, so their newcomers still count somewhere; even a
            // single one is renamed, so the page does not reveal that someone lives there.
            var small = groups.Where(g => disclosure.IsTooSmall(g.Tally.Count)).ToList();
            if (small.Count > 0)
            {
                var pooled = new SurvivalTally();
                foreach (var observation in started.Where(s => small.Any(g => string.Equals(g.Key, groupOf(s), StringComparison.Ordinal))).Select(s => s.Observation))
                {
                    pooled.Add(observation);
                }

                groups = [.. groups.Except(small), ("other", "Other (small municipalities pooled)", pooled)];
            }
        }

        return Comparison(key, title, groups, disclosure, partitionOfTotal: true);
    }

    private static GroupComparison Comparison(
        string key,
        string title,
        IReadOnlyList<(string Key, string Label, SurvivalTally Tally)> groups,
        DisclosureControl disclosure,
        bool partitionOfTotal)
    {
        var hidden = partitionOfTotal
            ? disclosure.SuppressPartition(groups.Select(g => g.Tally.Count).ToList())
            : groups.Select(g => disclosure.IsTooSmall(g.Tally.Count)).ToArray();
        var published = groups.Select((g, i) => disclosure.Survival(g.Key, g.Label, KaplanMeier.Estimate(g.Tally), hidden[i])).ToList();
        var tested = groups.Where((g, i) => !hidden[i] && g.Tally.Count > 0).ToList();
        var test = LogRankTest.Compare(tested.Select(g => g.Tally).ToList());
        var summary = test is null ? null : new LogRankSummary(test.ChiSquare, test.DegreesOfFreedom, test.PValue, tested.Select(g => g.Key).ToList());
        return new GroupComparison(key, title, published, summary);
    }
}
