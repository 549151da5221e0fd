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
/// The text may come from anyone's server, so expansion is bounded: a recurring event gives at most
/// <see cref="MaxOccurrencesPerEvent"/> occurrences, the calendar at most <see cref="MaxEvents"/> events, and a rule
/// whose expansion would cost more than the calendar's remaining budget (<see cref="RecurrenceCost"/>) is left out.
/// </summary>
public static class RegionalCalendarImport
{
    public const string MunicipalityProperty = "X-RETENTION-MUNICIPALITY";

    public const int MaxOccurrencesPerEvent = 1000;

    public const int MaxEvents = 10_000;

    /// <summary>Expansion steps one calendar may cost in all: about a second of work.</summary>
    internal const double MaxRecurrenceWork = 2_000_000;

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
        var workLeft = MaxRecurrenceWork;
        foreach (var source in calendar.Events)
        {
            if (source.DtStart is null || string.IsNullOrWhiteSpace(source.Summary))
            {
                continue;
            }

            var start = ToInstant(source.DtStart, regionZone);
            var work = source.Properties.AllOf("RRULE").Select(p => p.Value).OfType<RecurrenceRule>()
                .Sum(rule => RecurrenceCost.Estimate(rule, start, horizon));
            if (work > workLeft)
            {
                continue;
            }

            workLeft -= work;
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
                    .TakeWhile(s => s < horizon.End)
                    .Take(MaxOccurrencesPerEvent);

            foreach (var occurrence in starts)
            {
                var item = new LocalEvent(owner, source.Summary.Trim(), occurrence, occurrence + length, !source.DtStart.HasTime,
                    Blank(source.Location), url, Blank(source.Description));
                if (item.Overlaps(horizon))
                {
                    events.Add(item);
                }

                if (events.Count == MaxEvents)
                {
                    return Ordered(events);
                }
            }
        }

        return Ordered(events);
    }

    private static LocalEvent[] Ordered(List<LocalEvent> events) =>
        [.. events.OrderBy(e => e.Start).ThenBy(e => e.Title, StringComparer.Ordinal)];

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
