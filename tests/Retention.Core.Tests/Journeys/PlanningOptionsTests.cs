using NodaTime;
using Retention.Core.Calendar;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Journeys;

/// <summary>The scheduling policy as <see cref="JourneyPlanner"/> applies it: windows, zones and their edges.</summary>
public sealed class PlanningOptionsTests
{
    [Fact]
    public void A_send_time_in_a_DST_gap_moves_forward_by_the_gap_and_stays_on_its_day()
    {
        // Iran started summer time at local midnight until 2022: 00:30 did not exist that day.
        var tehran = DateTimeZoneProviders.Tzdb["Asia/Tehran"];
        var summer = tehran.GetZoneInterval(Instant.FromUtc(2021, 4, 15, 0, 0));
        var gapDay = summer.IsoLocalStart.Date;
        Assert.Equal(new LocalTime(1, 0), summer.IsoLocalStart.TimeOfDay);
        Assert.True(NorwegianCalendar.IsWorkingDay(gapDay), $"{gapDay} should be a working day for this test");

        var enrollment = SampleEnrollments.Audrey(arrival: gapDay.PlusDays(14), start: gapDay.PlusDays(16), family: Family.None, timeZone: "Asia/Tehran");
        var options = new PlanningOptions { WindowStart = new(0, 30), WindowEnd = new(6, 0), SpreadWithinWindow = false };
        var plan = new JourneyPlanner(options).Plan(enrollment, Instant.FromUtc(2021, 1, 1, 0, 0));

        var checklist = Assert.Single(plan, n => n.Kind == "practical-checklist").DueAt.InZone(tehran).LocalDateTime;
        Assert.Equal(gapDay.At(new LocalTime(1, 30)), checklist);
    }

    [Fact]
    public void The_employer_zone_comes_from_the_options()
    {
        var options = new PlanningOptions { EmployerTimeZone = "Europe/Helsinki", SpreadWithinWindow = false };
        var plan = new JourneyPlanner(options).Plan(SampleEnrollments.Audrey(), Instant.FromUtc(2026, 11, 1, 0, 0));

        var lunch = Assert.Single(plan, n => n.Kind == "welcome-lunch");
        Assert.Equal(new LocalDateTime(2027, 3, 5, 9, 0), lunch.DueAt.InZone(DateTimeZoneProviders.Tzdb["Europe/Helsinki"]).LocalDateTime);
    }

    [Theory]
    [InlineData("Europe/Atlantis", 9, 15, 3)]
    [InlineData("Europe/Oslo", 15, 9, 3)]
    [InlineData("Europe/Oslo", 9, 9, 3)]
    [InlineData("Europe/Oslo", 9, 15, 0)]
    public void A_policy_that_cannot_work_is_refused(string zone, int start, int end, int cap)
    {
        var options = new PlanningOptions { EmployerTimeZone = zone, WindowStart = new(start, 0), WindowEnd = new(end, 0), WeeklyCap = cap };

        Assert.Throws<ArgumentException>(() => new JourneyPlanner(options));
    }
}
