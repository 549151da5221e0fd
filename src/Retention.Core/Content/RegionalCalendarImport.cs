using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using Duration = NodaTime.Duration;

namespace Retention.Core.Content;

/// <summary>
/// Reads local events from an iCalendar (.ics) feed, e.g. a municipality's event calendar. Recurring events are
/// expanded to their occurrences inside <c>horizon</c>. Times with a TZID are read in that zone, UTC times as UTC,
/// floating times in the region's zone; a date without a time is an all-day event. An event may name its
/// municipality with <c>X-RETENTION-MUNICIPALITY</c>; otherwise the feed's municipality applies.
/// </summary>
public static class RegionalCalendarImport
{
    public const string MunicipalityProperty = "X-RETENTION-MUNICIPALITY";

    public static IReadOnlyList<LocalEvent> Parse(string ics, string municipality, DateTimeZone regionZone, Interval horizon)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        ArgumentNullException.ThrowIfNull(regionZone);
        Ical.Net.Calendar calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(ics) ?? throw new FormatException("The .ics text holds no calendar.");
        }
        catch (Exception ex) when (ex is not FormatException)
        {
            throw new FormatException("The .ics text is not a valid iCalendar file: " + ex.Message, ex);
        }

        var horizonStart = new CalDateTime(horizon.Start.ToDateTimeUtc(), CalDateTime.UtcTzId);
        var events = new List<LocalEvent>();
        foreach (var source in calendar.Events)
        {
            if (source.DtStart is null || string.IsNullOrWhiteSpace(source.Summary))
            {
                continue;
            }

            var start = ToInstant(source.DtStart, regionZone);
            var length = source.DtEnd is null
                ? (source.DtStart.HasTime ? Duration.FromHours(2) : Duration.FromDays(1))
                : ToInstant(source.DtEnd, regionZone) - start;
            var place = source.Properties.Get<string>(MunicipalityProperty);
            var owner = string.IsNullOrWhiteSpace(place) ? municipality : place.Trim();
            var url = source.Url?.IsAbsoluteUri == true ? source.Url.AbsoluteUri : null;

            IEnumerable<Instant> starts = source.RecurrenceRule is null && !source.Properties.ContainsKey("RDATE")
                ? [start]
                : source.GetOccurrences(horizonStart)
                    .Select(o => ToInstant(o.Period.StartTime, regionZone))
                    .TakeWhile(s => s < horizon.End);

            foreach (var occurrence in starts)
            {
                var item = new LocalEvent(owner, source.Summary.Trim(), occurrence, occurrence + length, !source.DtStart.HasTime,
                    Blank(source.Location), url, Blank(source.Description));
                if (item.Overlaps(horizon))
                {
                    events.Add(item);
                }
            }
        }

        return [.. events.OrderBy(e => e.Start).ThenBy(e => e.Title, StringComparer.Ordinal)];
    }

    private static Instant ToInstant(CalDateTime value, DateTimeZone regionZone)
    {
        var local = LocalDateTime.FromDateTime(value.Value);
        if (value.IsUtc)
        {
            return local.InUtc().ToInstant();
        }

        var zone = value.TzId is null ? regionZone : DateTimeZoneProviders.Tzdb.GetZoneOrNull(value.TzId) ?? regionZone;
        return value.HasTime ? zone.AtLeniently(local).ToInstant() : zone.AtStartOfDay(local.Date).ToInstant();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
