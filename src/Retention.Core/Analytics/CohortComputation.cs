using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>The cohort table: rows by arrival quarter, a cell only once the cohort's last starter has reached that age.</summary>
internal static class CohortComputation
{
    public static IReadOnlyList<(int Months, int Days)> Ages { get; } = [(3, 91), (6, 182), (12, 365), (24, 730)];

    public static CohortTable Compute(List<(RetentionRecord Record, SurvivalObservation Observation)> started, LocalDate asOf, DisclosureControl disclosure)
    {
        var byQuarter = new Dictionary<int, (SurvivalTally Tally, LocalDate LastStart)>();
        foreach (var (record, observation) in started)
        {
            var key = ArrivalQuarter.Key(record.ArrivalDate);
            if (!byQuarter.TryGetValue(key, out var cohort))
            {
                cohort = (new SurvivalTally(), record.StartDate);
            }

            cohort.Tally.Add(observation);
            byQuarter[key] = (cohort.Tally, record.StartDate > cohort.LastStart ? record.StartDate : cohort.LastStart);
        }

        var cohorts = byQuarter.OrderBy(c => c.Key)
            .Select(c => (Quarter: ArrivalQuarter.Label(c.Key), People: c.Value.Tally.Count, c.Value.LastStart, c.Value.Tally))
            .ToList();
        var hidden = disclosure.SuppressPartition(cohorts.Select(c => c.People).ToList());
        var rows = cohorts.Select((c, i) =>
        {
            var curve = KaplanMeier.Estimate(c.Tally);
            var reachedDays = Period.DaysBetween(c.LastStart, asOf);
            var cells = Ages.Select(age =>
            {
                var complete = reachedDays >= age.Days;
                var figure = !complete ? disclosure.Of(double.NaN, 0, hidden[i])
                    : disclosure.Of(curve.At(age.Days)?.Survival ?? double.NaN, c.People, hidden[i]);
                return new CohortCell(age.Months, age.Days, complete, figure);
            }).ToList();
            return new CohortRow(c.Quarter, disclosure.Count(c.People, hidden[i]), cells);
        }).ToList();
        return new CohortTable(Ages.Select(a => a.Months).ToList(), rows);
    }
}
