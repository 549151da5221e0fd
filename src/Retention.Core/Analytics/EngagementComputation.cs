using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>Engagement figures; each counts the newcomers behind it so that disclosure control can judge it.</summary>
internal static class EngagementComputation
{
    public static EngagementSummary Compute(List<RetentionRecord> population, LocalDate asOf, DisclosureControl disclosure)
    {
        var kinds = new Dictionary<string, KindSums>(StringComparer.Ordinal);
        int sent = 0, acted = 0, ildsjelPeople = 0, checkInSent = 0, checkInAnswered = 0, checkInPeople = 0;
        var lunchDays = new List<int>();
        var months = new Dictionary<int, MonthSums>();
        var monthsOfThisNewcomer = new List<int>(8);
        foreach (var r in population)
        {
            var anySent = false;
            foreach (var tally in r.IldsjelNudges)
            {
                if (tally.Sent <= 0)
                {
                    continue;
                }

                if (!kinds.TryGetValue(tally.Kind, out var k))
                {
                    kinds[tally.Kind] = k = new KindSums();
                }

                k.Sent += tally.Sent;
                k.Acted += tally.Acted;
                k.People++;
                sent += tally.Sent;
                acted += tally.Acted;
                anySent = true;
            }

            ildsjelPeople += anySent ? 1 : 0;
            if (r.WelcomeLunchActedOn is { } lunch && lunch <= asOf)
            {
                lunchDays.Add(Period.DaysBetween(r.StartDate, lunch));
            }

            if (r.CheckInNudgesSent > 0)
            {
                checkInSent += r.CheckInNudgesSent;
                checkInAnswered += Math.Min(r.CheckInNudgesAnswered, r.CheckInNudgesSent);
                checkInPeople++;
            }

            monthsOfThisNewcomer.Clear();
            foreach (var answer in r.CheckIns)
            {
                if (answer.Date > asOf)
                {
                    continue;
                }

                var month = MonthsSince(r.ArrivalDate, answer.Date);
                if (!months.TryGetValue(month, out var m))
                {
                    months[month] = m = new MonthSums();
                }

                m.Belonging += answer.Belonging;
                m.Intent += answer.IntentToStay;
                m.Answers++;
                if (!monthsOfThisNewcomer.Contains(month))
                {
                    monthsOfThisNewcomer.Add(month);
                    m.People++;
                }
            }
        }

        return new EngagementSummary(
            kinds.OrderBy(k => k.Key, StringComparer.Ordinal)
                .Select(k => new KindActionRate(k.Key, disclosure.Of(k.Value.Sent, k.Value.People), disclosure.Of(Ratio(k.Value.Acted, k.Value.Sent), k.Value.People)))
                .ToList(),
            disclosure.Of(Ratio(acted, sent), ildsjelPeople),
            disclosure.Of(Median(lunchDays), lunchDays.Count),
            disclosure.Of(Ratio(checkInAnswered, checkInSent), checkInPeople),
            months.OrderBy(m => m.Key).Select(m => new CheckInMonth(
                m.Key,
                disclosure.Of(m.Value.Belonging / (double)m.Value.Answers, m.Value.People),
                disclosure.Of(m.Value.Intent / (double)m.Value.Answers, m.Value.People))).ToList());
    }

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="day"/> (as NodaTime's Period would count them), never negative.</summary>
    internal static int MonthsSince(LocalDate from, LocalDate day)
    {
        var months = ((day.Year - from.Year) * 12) + day.Month - from.Month - (day.Day < from.Day ? 1 : 0);
        return Math.Max(0, months);
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

    private sealed class KindSums
    {
        public int Sent;
        public int Acted;
        public int People;
    }

    private sealed class MonthSums
    {
        public long Belonging;
        public long Intent;
        public int Answers;
        public int People;
    }
}
