using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>Engagement figures; each counts the newcomers behind it so that disclosure control can judge it.</summary>
internal static class EngagementComputation
{
    public static EngagementSummary Compute(List<RetentionRecord> population, LocalDate asOf, DisclosureControl disclosure)
    {
        var kinds = new SortedDictionary<string, (int Sent, int Acted, int People)>(StringComparer.Ordinal);
        int sent = 0, acted = 0, ildsjelPeople = 0, checkInSent = 0, checkInAnswered = 0, checkInPeople = 0;
        var lunchDays = new List<int>();
        var months = new SortedDictionary<int, (long Belonging, long Intent, int Answers, HashSet<string> People)>();
        foreach (var r in population)
        {
            foreach (var tally in r.IldsjelNudges.Where(t => t.Sent > 0))
            {
                kinds.TryGetValue(tally.Kind, out var k);
                kinds[tally.Kind] = (k.Sent + tally.Sent, k.Acted + tally.Acted, k.People + 1);
                sent += tally.Sent;
                acted += tally.Acted;
            }

            ildsjelPeople += r.IldsjelNudges.Any(t => t.Sent > 0) ? 1 : 0;
            if (r.DaysToWelcomeLunch is { } days && r.WelcomeLunchActedOn <= asOf)
            {
                lunchDays.Add(days);
            }

            if (r.CheckInNudgesSent > 0)
            {
                checkInSent += r.CheckInNudgesSent;
                checkInAnswered += Math.Min(r.CheckInNudgesAnswered, r.CheckInNudgesSent);
                checkInPeople++;
            }

            foreach (var answer in r.CheckIns.Where(c => c.Date <= asOf))
            {
                var month = Math.Max(0, Period.Between(r.ArrivalDate, answer.Date, PeriodUnits.Months).Months);
                if (!months.TryGetValue(month, out var m))
                {
                    m = (0, 0, 0, new HashSet<string>(StringComparer.Ordinal));
                }

                m.People.Add(r.EnrollmentId);
                months[month] = (m.Belonging + answer.Belonging, m.Intent + answer.IntentToStay, m.Answers + 1, m.People);
            }
        }

        return new EngagementSummary(
            kinds.Select(k => new KindActionRate(k.Key, disclosure.Of(k.Value.Sent, k.Value.People), disclosure.Of(Ratio(k.Value.Acted, k.Value.Sent), k.Value.People))).ToList(),
            disclosure.Of(Ratio(acted, sent), ildsjelPeople),
            disclosure.Of(Median(lunchDays), lunchDays.Count),
            disclosure.Of(Ratio(checkInAnswered, checkInSent), checkInPeople),
            months.Select(m => new CheckInMonth(
                m.Key,
                disclosure.Of(m.Value.Belonging / (double)m.Value.Answers, m.Value.People.Count),
                disclosure.Of(m.Value.Intent / (double)m.Value.Answers, m.Value.People.Count))).ToList());
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? double.NaN : numerator / (double)denominator;

    private static double Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }
}
