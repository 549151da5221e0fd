using NodaTime;
using Retention.Core.Content;

namespace Retention.Core.Tests.Content;

public sealed class RegionalCalendarImportTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    private static string Calendar(params string[] events) =>
        string.Join("\r\n", ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", .. events, "END:VCALENDAR", ""]);

    private static string Event(params string[] lines) =>
        string.Join("\r\n", ["BEGIN:VEVENT", "UID:" + Guid.NewGuid(), "DTSTAMP:20260101T000000Z", .. lines, "END:VEVENT"]);

    private static readonly Interval March2027 = new(Instant.FromUtc(2027, 3, 1, 0, 0), Instant.FromUtc(2027, 4, 1, 0, 0));

    [Fact]
    public void A_weekly_event_is_expanded_inside_the_horizon_only()
    {
        var ics = Calendar(Event("DTSTART;TZID=Europe/Oslo:20260106T180000", "DTEND;TZID=Europe/Oslo:20260106T193000",
            "RRULE:FREQ=WEEKLY;BYDAY=TU", "SUMMARY:Language café", "LOCATION:Library", "URL:https://example.org/lc"));

        var events = RegionalCalendarImport.Parse(ics, "Haugesund", Oslo, March2027);

        Assert.Equal([2, 9, 16, 23, 30], events.Select(e => e.Start.InZone(Oslo).Day));
        Assert.All(events, e =>
        {
            Assert.Equal(new LocalTime(18, 0), e.Start.InZone(Oslo).TimeOfDay);
            Assert.Equal(Duration.FromMinutes(90), e.End - e.Start);
            Assert.Equal(("Haugesund", "Language café", "Library", "https://example.org/lc"), (e.Municipality, e.Title, e.Place, e.Url));
        });
    }

    [Fact]
    public void Recurring_local_times_stay_local_across_the_change_to_summer_time()
    {
        var ics = Calendar(Event("DTSTART;TZID=Europe/Oslo:20260106T180000", "DTEND;TZID=Europe/Oslo:20260106T193000",
            "RRULE:FREQ=WEEKLY;BYDAY=TU", "SUMMARY:Language café"));

        var events = RegionalCalendarImport.Parse(ics, "Haugesund", Oslo, March2027);

        Assert.Equal(Instant.FromUtc(2027, 3, 23, 17, 0), events[3].Start); // before 28 March: UTC+1
        Assert.Equal(Instant.FromUtc(2027, 3, 30, 16, 0), events[4].Start); // after: UTC+2
    }

    [Fact]
    public void Utc_floating_and_all_day_times_are_each_read_correctly()
    {
        var ics = Calendar(
            Event("DTSTART:20270304T180000Z", "DTEND:20270304T200000Z", "SUMMARY:Quiz"),
            Event("DTSTART:20270305T120000", "SUMMARY:Floating"),
            Event("DTSTART;VALUE=DATE:20270313", "DTEND;VALUE=DATE:20270315", "SUMMARY:Market"));

        var events = RegionalCalendarImport.Parse(ics, "Haugesund", Oslo, March2027).ToDictionary(e => e.Title);

        Assert.Equal(Instant.FromUtc(2027, 3, 4, 18, 0), events["Quiz"].Start);
        Assert.Equal(Instant.FromUtc(2027, 3, 5, 11, 0), events["Floating"].Start);
        Assert.Equal(Duration.FromHours(2), events["Floating"].End - events["Floating"].Start);
        Assert.True(events["Market"].AllDay);
        Assert.Equal(Instant.FromUtc(2027, 3, 12, 23, 0), events["Market"].Start);
        Assert.Equal(Instant.FromUtc(2027, 3, 14, 23, 0), events["Market"].End);
    }

    [Fact]
    public void An_event_may_name_its_own_municipality()
    {
        var ics = Calendar(Event("DTSTART:20270304T180000Z", "SUMMARY:Knitting", "X-RETENTION-MUNICIPALITY:Karmøy"));

        Assert.Equal("Karmøy", Assert.Single(RegionalCalendarImport.Parse(ics, "Haugesund", Oslo, March2027)).Municipality);
    }

    [Fact]
    public void Events_outside_the_horizon_are_left_out()
    {
        var ics = Calendar(Event("DTSTART:20270504T180000Z", "SUMMARY:Later"), Event("DTSTART:20270204T180000Z", "SUMMARY:Earlier"));

        Assert.Empty(RegionalCalendarImport.Parse(ics, "Haugesund", Oslo, March2027));
    }

    [Fact]
    public void Text_that_is_not_icalendar_is_rejected()
    {
        Assert.Throws<FormatException>(() => RegionalCalendarImport.Parse("this is not a calendar", "Haugesund", Oslo, March2027));
    }

    [Fact]
    public void The_sample_feed_has_a_language_cafe_every_week()
    {
        var region = SampleRegions.Haugalandet(March2027);

        var cafes = region.Events.Where(e => e.Title.StartsWith("Språkkafé", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, cafes.Count);
        Assert.All(cafes, c => Assert.Equal(IsoDayOfWeek.Tuesday, c.Start.InZone(Oslo).DayOfWeek));
    }

    [Fact]
    public void A_daily_event_from_decades_ago_is_still_expanded()
    {
        var ics = Calendar(Event("DTSTART;TZID=Europe/Oslo:19900101T100000", "RRULE:FREQ=DAILY", "SUMMARY:Morning coffee"));

        Assert.Equal(31, RegionalCalendarImport.Parse(ics, "Haugesund", Oslo, March2027).Count);
    }

    [Fact]
    public void A_rule_too_costly_to_expand_is_left_out_and_the_other_events_kept()
    {
        // Every second since 2000: Ical.Net would step through ~850 million seconds to reach the horizon.
        var ics = Calendar(
            Event("DTSTART:20000101T000000Z", "DTEND:20000101T000001Z", "RRULE:FREQ=SECONDLY", "SUMMARY:Spam"),
            Event("DTSTART;TZID=Europe/Oslo:20260106T180000", "RRULE:FREQ=WEEKLY;BYDAY=TU", "SUMMARY:Language café"));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var events = RegionalCalendarImport.Parse(ics, "Haugesund", Oslo, March2027);

        Assert.Equal(Enumerable.Repeat("Language café", 5), events.Select(e => e.Title));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void A_recurring_event_gives_at_most_the_occurrence_cap()
    {
        var ics = Calendar(Event("DTSTART:20270301T000000Z", "DTEND:20270301T000100Z", "RRULE:FREQ=MINUTELY", "SUMMARY:Every minute"));

        var events = RegionalCalendarImport.Parse(ics, "Haugesund", Oslo, March2027);

        Assert.Equal(RegionalCalendarImport.MaxOccurrencesPerEvent, events.Count);
    }

    [Fact]
    public void A_calendar_gives_at_most_the_event_cap()
    {
        var minutely = Enumerable.Range(0, 11)
            .Select(i => Event("DTSTART:20270301T000000Z", "DTEND:20270301T000100Z", "RRULE:FREQ=MINUTELY", $"SUMMARY:Every minute {i}"))
            .ToArray();

        var events = RegionalCalendarImport.Parse(Calendar(minutely), "Haugesund", Oslo, March2027);

        Assert.Equal(RegionalCalendarImport.MaxEvents, events.Count);
    }
}
