using NodaTime;
using NodaTime.Text;

namespace Retention.Core.Content;

/// <summary>Event times as curators write them in JSON: local date-times in the region's zone, or dates for all-day events.</summary>
internal static class RegionalTimes
{
    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public static (Instant Start, Instant End, bool AllDay) Read(string? start, string? end, DateTimeZone zone, string where)
    {
        if (string.IsNullOrWhiteSpace(start))
        {
            throw new ContentFieldException(where + ".start", "is required");
        }

        var startDate = LocalDatePattern.Iso.Parse(start!);
        if (startDate.Success)
        {
            var endDate = end is null ? startDate.Value : Parse(LocalDatePattern.Iso, end, where + ".end");
            if (endDate < startDate.Value)
            {
                throw new ContentFieldException(where + ".end", "is before the start");
            }

            // The JSON names the last day; the interval ends at the start of the day after.
            return (zone.AtStartOfDay(startDate.Value).ToInstant(), zone.AtStartOfDay(endDate.PlusDays(1)).ToInstant(), true);
        }

        var startTime = ParseDateTime(start!, where + ".start");
        var endTime = end is null ? startTime.PlusHours(2) : ParseDateTime(end, where + ".end");
        if (endTime <= startTime)
        {
            throw new ContentFieldException(where + ".end", "is before the start");
        }

        return (zone.AtLeniently(startTime).ToInstant(), zone.AtLeniently(endTime).ToInstant(), false);
    }

    // "2027-03-06T19:00" as curators write it, or with seconds.
    private static LocalDateTime ParseDateTime(string text, string where)
    {
        var minutes = Minutes.Parse(text);
        return minutes.Success ? minutes.Value : Parse(LocalDateTimePattern.ExtendedIso, text, where);
    }

    private static T Parse<T>(IPattern<T> pattern, string text, string where)
    {
        var result = pattern.Parse(text);
        return result.Success ? result.Value : throw new ContentFieldException(where, $"'{text}' is not an ISO date (2027-03-06) or local date-time (2027-03-06T19:00)");
    }
}
