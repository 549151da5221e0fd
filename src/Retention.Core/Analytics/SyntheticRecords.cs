using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Core.Analytics;

/// <summary>
/// Deterministic made-up records (no real people) for the demo dashboard, tests and benchmarks: start dates over
/// the three years before the as-of day, departures more likely when the ildsjel did not act on the welcome lunch,
/// a few cancellations, check-ins every few months, and some municipalities too small to be shown.
/// </summary>
public static class SyntheticRecords
{
    private static readonly string[] Municipalities = ["Haugesund", "Stavanger", "Bergen", "Karmøy", "Tysvær", "Sauda", "Utsira"];
    private static readonly double[] MunicipalityWeights = [0.35, 0.25, 0.2, 0.1, 0.07, 0.02, 0.01];
    private static readonly string[] IldsjelKinds = ["first-day", "welcome-lunch", "local-events", "ildsjel-follow-up", "seventeenth-may", "julebord"];

    public static IReadOnlyList<RetentionRecord> Generate(int count, LocalDate asOf, int seed = 42)
    {
        var random = new Random(seed);
        var records = new List<RetentionRecord>(count);
        for (var i = 0; i < count; i++)
        {
            records.Add(One(random, i, asOf));
        }

        return records;
    }

    private static RetentionRecord One(Random random, int index, LocalDate asOf)
    {
        var start = asOf.PlusDays(-random.Next(-30, 3 * 365));
        var arrival = start.PlusDays(-random.Next(0, 10));
        var lunchRoll = random.NextDouble();
        var lunch = start > asOf.PlusDays(-3) ? WelcomeLunchState.NotYetDue
            : lunchRoll < 0.65 ? WelcomeLunchState.Acted
            : lunchRoll < 0.97 ? WelcomeLunchState.NotActed
            : WelcomeLunchState.NotSent;

        // Exponential tenure: mean about 3 years when the ildsjel acted, about 1.5 years when not.
        var meanDays = lunch == WelcomeLunchState.NotActed ? 550.0 : 1100.0;
        var tenure = (int)(-meanDays * Math.Log(1 - random.NextDouble()));
        var leaves = start.PlusDays(tenure);
        LocalDate? departure = leaves <= asOf ? leaves : null;
        LocalDate? cancelled = departure is null && random.NextDouble() < 0.03 ? start.PlusDays(random.Next(0, 60)) : null;
        if (cancelled > asOf)
        {
            cancelled = null;
        }

        var ignoredStreak = random.NextDouble() < 0.08 ? random.Next(3, 6) : random.Next(0, 2);
        var tallies = IldsjelKinds.Select(kind =>
        {
            var sent = kind == "welcome-lunch" ? (lunch is WelcomeLunchState.Acted or WelcomeLunchState.NotActed ? 1 : 0) : random.Next(0, 3);
            var acted = kind == "welcome-lunch" ? (lunch == WelcomeLunchState.Acted ? 1 : 0) : random.Next(0, sent + 1);
            return new NudgeKindTally(kind, sent, acted);
        }).Where(t => t.Sent > 0).ToList();

        var end = departure ?? cancelled ?? asOf;
        var checkIns = new List<CheckInAnswer>();
        var mood = random.Next(2, 6);
        foreach (var month in new[] { 1, 3, 6, 9, 12, 18, 24 })
        {
            var day = arrival.PlusMonths(month);
            if (day > end || random.NextDouble() < 0.25)
            {
                continue;
            }

            mood = Math.Clamp(mood + random.Next(-1, 2), 1, 5);
            checkIns.Add(new CheckInAnswer(day, mood, Math.Clamp(mood + random.Next(-1, 2), 1, 5)));
        }

        return new RetentionRecord
        {
            EnrollmentId = $"enr-{index:D7}",
            Municipality = Pick(random),
            ArrivalDate = arrival,
            StartDate = start,
            Status = departure is not null ? EnrollmentStatus.Left : cancelled is not null ? EnrollmentStatus.Cancelled : EnrollmentStatus.Active,
            DepartureDate = departure,
            DepartureReason = departure is null ? null : (Events.DepartureReason)random.Next(0, 8),
            CancellationDate = cancelled,
            WelcomeLunch = lunch,
            WelcomeLunchActedOn = lunch == WelcomeLunchState.Acted ? start.PlusDays(random.Next(0, 12)) : null,
            IldsjelNudges = tallies,
            IldsjelIgnoredStreak = ignoredStreak,
            CheckInNudgesSent = checkIns.Count + random.Next(0, 3),
            CheckInNudgesAnswered = checkIns.Count,
            CheckIns = checkIns,
        };
    }

    private static string Pick(Random random)
    {
        var roll = random.NextDouble();
        for (var i = 0; i < Municipalities.Length; i++)
        {
            roll -= MunicipalityWeights[i];
            if (roll <= 0)
            {
                return Municipalities[i];
            }
        }

        return Municipalities[^1];
    }
}
