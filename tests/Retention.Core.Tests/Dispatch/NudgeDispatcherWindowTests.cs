using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Dispatch;

/// <summary>
/// The sending window holds at send time, against the dispatcher's own clock: a late nudge (backlog, outage, the demo's
/// fast clock) waits for the recipient's next working-day window, at the minute it was planned for.
/// </summary>
public sealed class NudgeDispatcherWindowTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    private static Instant OsloTime(int month, int day, int hour, int minute) =>
        new LocalDateTime(2027, month, day, hour, minute).InZoneLeniently(Oslo).ToInstant();

    [Fact]
    public async Task A_nudge_picked_up_after_the_window_closes_is_deferred_to_the_next_working_day_and_sent_then()
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("n1") with { DueAt = OsloTime(3, 4, 9, 19) });
        scenario.AdvanceTo(OsloTime(3, 4, 16, 34));

        var late = await scenario.DispatchAsync("n1");

        var friday = OsloTime(3, 5, 9, 19);
        Assert.Equal((DispatchResult.RetryLater, friday), (late.Result, late.RetryAt));
        Assert.Empty(scenario.Sender.Calls);
        Assert.Equal((NudgeStatus.Scheduled, friday, 0), (scenario.Stored("n1").Status, scenario.Stored("n1").NextAttemptAt, scenario.Stored("n1").Attempts));

        scenario.AdvanceTo(OsloTime(3, 5, 8, 0));
        Assert.Equal(DispatchResult.Duplicate, (await scenario.DispatchAsync("n1")).Result);
        Assert.Empty(scenario.Sender.Calls);

        scenario.AdvanceTo(friday);
        Assert.Equal(DispatchResult.Sent, (await scenario.DispatchAsync("n1")).Result);
        Assert.Single(scenario.Sender.Calls);
    }

    [Theory]
    [InlineData(3, 5, 18, 0, 3, 8)]   // Friday evening → Monday
    [InlineData(3, 6, 10, 0, 3, 8)]   // Saturday → Monday
    [InlineData(5, 14, 15, 30, 5, 18)] // Friday afternoon before 17 May (a Monday) → Tuesday
    [InlineData(3, 8, 6, 30, 3, 8)]   // Monday before the window opens → the same morning
    public void The_window_opens_next_on_a_working_day_at_the_planned_minute(int month, int day, int hour, int minute, int opensMonth, int opensDay)
    {
        var window = new SendingWindow(new PlanningOptions());
        var nudge = DispatchScenario.Nudge("n1") with { DueAt = OsloTime(3, 4, 10, 45) };

        var opens = window.DeferredUntil(nudge, DispatchScenario.Enrollment(), OsloTime(month, day, hour, minute));

        Assert.Equal(OsloTime(opensMonth, opensDay, 10, 45), opens);
    }

    [Fact]
    public void Inside_the_window_and_just_after_it_closes_a_nudge_goes_at_once()
    {
        var window = new SendingWindow(new PlanningOptions());
        var nudge = DispatchScenario.Nudge("n1") with { DueAt = OsloTime(3, 4, 14, 58) };

        Assert.Null(window.DeferredUntil(nudge, DispatchScenario.Enrollment(), OsloTime(3, 4, 9, 0)));
        Assert.Null(window.DeferredUntil(nudge, DispatchScenario.Enrollment(), OsloTime(3, 4, 15, 3)));
        Assert.NotNull(window.DeferredUntil(nudge, DispatchScenario.Enrollment(), OsloTime(3, 4, 15, 6)));
        Assert.NotNull(window.DeferredUntil(nudge, DispatchScenario.Enrollment(), OsloTime(3, 4, 8, 59)));
    }

    [Fact]
    public void A_newcomer_still_abroad_is_held_to_the_window_of_their_own_zone()
    {
        var window = new SendingWindow(new PlanningOptions());
        var abroad = DispatchScenario.Enrollment() with { ArrivalDate = new LocalDate(2027, 4, 1), StartDate = new LocalDate(2027, 4, 5) };
        var nudge = DispatchScenario.Nudge("n1", Audience.Newcomer) with { DueAt = OsloTime(3, 4, 16, 0) };

        // 16:00 in Oslo is 09:00 in Chicago: their morning, so it goes; 09:00 in Oslo is 02:00 there, so it waits.
        Assert.Null(window.DeferredUntil(nudge, abroad, OsloTime(3, 4, 16, 0)));
        Assert.Equal(OsloTime(3, 4, 16, 0), window.DeferredUntil(nudge, abroad, OsloTime(3, 4, 9, 0)));
    }
}
