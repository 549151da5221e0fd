using Retention.Core.Enrollments;

namespace Retention.Core.Analytics;

/// <summary>Computes a <see cref="DashboardReport"/>: one pass to place each record, then tallies per group.</summary>
internal static class DashboardComputation
{
    public static DashboardReport Compute(IEnumerable<RetentionRecord> records, DashboardQuery query)
    {
        var disclosure = new DisclosureControl(query.Threshold);
        var population = new List<RetentionRecord>();
        var failed = new List<FailedNudgeEnrollment>();
        foreach (var record in records)
        {
            // Failures count whatever the period: an undelivered nudge needs acting on even for an earlier starter.
            if (record.FailedNudges > 0)
            {
                failed.Add(new FailedNudgeEnrollment(record.EnrollmentId, record.FailedNudges));
            }

            if (query.From is not { } from || record.StartDate >= from)
            {
                population.Add(record);
            }
        }

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
                Municipalities(started, disclosure),
                ArrivalQuarters(started, disclosure),
            ],
            Cohorts = CohortComputation.Compute(started, query.To, disclosure),
            Engagement = EngagementComputation.Compute(population, query.To, disclosure),
            AtRisk = AtRiskRule.Find(population, query),
            FailedNudges = FailedNudges(failed),
        };
    }

    // Not put through the disclosure control: this is a work list for HR (messages to resend, each visible in the
    // newcomer's journey HR already has access to), not a figure describing a group of people, and hiding a count
    // below the threshold would hide exactly the few failures the dashboard must not lose silently.
    private static FailedNudgeSummary FailedNudges(List<FailedNudgeEnrollment> failed)
    {
        failed.Sort((x, y) => string.CompareOrdinal(x.EnrollmentId, y.EnrollmentId));
        return new FailedNudgeSummary(failed.Sum(f => f.Nudges), failed);
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
        var acted = new SurvivalTally();
        var notActed = new SurvivalTally();
        foreach (var (record, observation) in started)
        {
            (record.WelcomeLunch switch { WelcomeLunchState.Acted => acted, WelcomeLunchState.NotActed => notActed, _ => null })?.Add(observation);
        }

        return Comparison(
            "welcome-lunch",
            "Ildsjel acted on the welcome-lunch nudge",
            [("acted", "Ildsjel acted", acted), ("not-acted", "Ildsjel did not act", notActed)],
            disclosure,
            partitionOfTotal: false);
    }

    private static GroupComparison Municipalities(List<(RetentionRecord Record, SurvivalObservation Observation)> started, DisclosureControl disclosure)
    {
        var byName = TallyBy(started, s => s.Record.Municipality, StringComparer.Ordinal);
        var groups = byName.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Label: g.Key, Tally: g.Value)).ToList();

        // Small municipalities are pooled rather than dropped, so their newcomers still count somewhere; even a
        // single one is renamed, so the page does not reveal that someone lives there.
        var small = groups.Where(g => disclosure.IsTooSmall(g.Tally.Count)).ToList();
        if (small.Count > 0)
        {
            var smallNames = small.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            var pooled = new SurvivalTally();
            foreach (var (record, observation) in started)
            {
                if (smallNames.Contains(record.Municipality))
                {
                    pooled.Add(observation);
                }
            }

            groups = [.. groups.Where(g => !smallNames.Contains(g.Key)), ("other", "Other (small municipalities pooled)", pooled)];
        }

        return Comparison("municipality", "By municipality", groups, disclosure, partitionOfTotal: true);
    }

    private static GroupComparison ArrivalQuarters(List<(RetentionRecord Record, SurvivalObservation Observation)> started, DisclosureControl disclosure)
    {
        var groups = TallyBy(started, s => ArrivalQuarter.Key(s.Record.ArrivalDate), EqualityComparer<int>.Default)
            .OrderBy(g => g.Key)
            .Select(g => (Key: ArrivalQuarter.Label(g.Key), Label: ArrivalQuarter.Label(g.Key), Tally: g.Value))
            .ToList();
        return Comparison("arrival-quarter", "By arrival quarter", groups, disclosure, partitionOfTotal: true);
    }

    private static Dictionary<TKey, SurvivalTally> TallyBy<TKey>(
        List<(RetentionRecord Record, SurvivalObservation Observation)> started,
        Func<(RetentionRecord Record, SurvivalObservation Observation), TKey> keyOf,
        IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        var tallies = new Dictionary<TKey, SurvivalTally>(comparer);
        foreach (var s in started)
        {
            var key = keyOf(s);
            if (!tallies.TryGetValue(key, out var tally))
            {
                tallies[key] = tally = new SurvivalTally();
            }

            tally.Add(s.Observation);
        }

        return tallies;
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
