using Ical.Net;
using Ical.Net.DataTypes;
using NodaTime;

namespace Retention.Core.Content;

/// <summary>
/// Roughly how many steps Ical.Net takes to expand a rule up to a horizon's end. It steps interval by interval from
/// DTSTART (skipping to the horizon only without COUNT) and expands each interval by every BY list, so a feed of a few
/// bytes, e.g. <c>FREQ=SECONDLY</c> from years ago, could otherwise spin for hours before its first occurrence.
/// </summary>
internal static class RecurrenceCost
{
    public static double Estimate(RecurrenceRule rule, Instant firstStart, Interval horizon)
    {
        var step = StepSeconds(rule.Frequency) * Math.Max(1, rule.Interval);
        var stepsToEnd = Math.Max(0, (horizon.End - firstStart).TotalSeconds) / step;
        var stepsInHorizon = (horizon.Duration.TotalSeconds / step) + 1;
        var perStep = Factor(rule.BySecond.Count) * Factor(rule.ByMinute.Count) * Factor(rule.ByHour.Count)
            * Factor(rule.ByMonthDay.Count) * Factor(rule.ByYearDay.Count) * Factor(rule.ByWeekNo.Count * 7)
            * Factor(rule.ByMonth.Count) * Factor(rule.ByDay.Count * DaysPerWeekday(rule.Frequency));

        // With COUNT every interval from DTSTART is expanded; without it the skip to the horizon is one step each.
        return rule.Count is null ? stepsToEnd + (stepsInHorizon * perStep) : stepsToEnd * perStep;
    }

    private static double Factor(int count) => Math.Max(1, count);

    private static double StepSeconds(FrequencyType frequency) => frequency switch
    {
        FrequencyType.Secondly => 1,
        FrequencyType.Minutely => 60,
        FrequencyType.Hourly => 3600,
        FrequencyType.Daily => 86_400,
        FrequencyType.Weekly => 7 * 86_400,
        FrequencyType.Monthly => 28 * 86_400,
        FrequencyType.Yearly => 365 * 86_400,
        _ => 1,
    };

    // A BYDAY weekday in a yearly or monthly rule stands for every such day of the period.
    private static int DaysPerWeekday(FrequencyType frequency) => frequency switch
    {
        FrequencyType.Yearly => 53,
        FrequencyType.Monthly => 5,
        _ => 1,
    };
}
