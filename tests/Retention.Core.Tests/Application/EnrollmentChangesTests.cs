using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Retention.Core.Application;
using Retention.Core.Dispatch;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Tests.Journeys;
using Retention.Testing;
using Retention.Testing.Fakes;

namespace Retention.Core.Tests.Application;

/// <summary><see cref="EnrollmentChanges"/>: re-plans of one enrolment are serialised by the journey lease, and a crashed one is finished by whoever comes next.</summary>
public sealed class EnrollmentChangesTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 1, 11, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEnrollmentStore enrollments = new();
    private readonly InMemoryNudgeStore stored = new();
    private readonly RecordingEmailSender sender = new();

    [Fact]
    public async Task A_second_change_waits_for_the_first_re_plan_and_the_journey_ends_as_the_last_change_says()
    {
        var gated = new GatedNudgeStore(stored);
        var core = Core(gated);
        var enrollment = Seed(SampleEnrollments.Audrey());

        var first = core.Enrollment.UpdateAsync(enrollment.EmployerId, enrollment.Id, Dates(new LocalDate(2027, 3, 10)), CancellationToken.None);
        await gated.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        var second = core.Enrollment.UpdateAsync(enrollment.EmployerId, enrollment.Id, Dates(new LocalDate(2027, 3, 17)), CancellationToken.None);
        await Task.Delay(300);

        Assert.False(second.IsCompleted, "the second change did not wait for the first one's re-plan");
        gated.Open();
        Assert.Equal(CommandStatus.Done, (await first).Status);
        Assert.Equal(CommandStatus.Done, (await second).Status);
        var final = (await enrollments.GetAsync(enrollment.EmployerId, enrollment.Id, CancellationToken.None))!;
        Assert.Equal(new LocalDate(2027, 3, 17), final.StartDate);
        Assert.Null(final.JourneyLease);
        Assert.True(core.Planner.Replan(final, stored.All, core.Clock.Now, new HashSet<Audience>()).IsEmpty, "the journey is not the last change's plan");
    }

    [Fact]
    public async Task A_change_that_cannot_get_the_lease_in_time_is_told_to_try_again_and_changes_nothing()
    {
        var core = Core(stored, maxWait: TimeSpan.FromMilliseconds(200));
        var enrollment = Seed(SampleEnrollments.Audrey() with { JourneyLease = new JourneyLease("someone-else", Now + Duration.FromSeconds(30)) });
        var before = stored.All;

        var result = await core.Enrollment.UpdateAsync(enrollment.EmployerId, enrollment.Id, Dates(new LocalDate(2027, 3, 10)), CancellationToken.None);

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.Contains("try again", result.Reason, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2027, 3, 3), (await enrollments.GetAsync(enrollment.EmployerId, enrollment.Id, CancellationToken.None))!.StartDate);
        Assert.Equal(before, stored.All);
    }

    [Fact]
    public async Task The_dispatcher_waits_while_a_journey_is_being_re_planned()
    {
        var core = Core(stored);
        var enrollment = Seed(SampleEnrollments.Audrey() with { JourneyLease = new JourneyLease("someone-else", Now + Duration.FromSeconds(30)) });
        var nudge = stored.All.First(n => n.Status == NudgeStatus.Scheduled);

        var outcome = await core.Dispatcher.DispatchAsync(enrollment.EmployerId, nudge.Id, CancellationToken.None);

        Assert.Equal(DispatchResult.RetryLater, outcome.Result);
        Assert.Equal(Now + Duration.FromSeconds(30), outcome.RetryAt);
        Assert.Empty(sender.Calls);
    }

    [Fact]
    public async Task A_change_that_died_mid_re_plan_is_finished_by_the_dispatcher_before_anything_stale_is_sent()
    {
        var core = Core(stored);

        // The change was saved (new dates, lease taken) and the process died before the re-plan: the old plan is still scheduled.
        var enrollment = Seed(SampleEnrollments.Audrey());
        var moved = enrollment with
        {
            ArrivalDate = new LocalDate(2027, 4, 5), StartDate = new LocalDate(2027, 4, 7), PlanRevision = 1,
            JourneyLease = new JourneyLease("crashed", Now - Duration.FromSeconds(1)),
        };
        await enrollments.TryUpdateAsync(moved with { Version = (await enrollments.GetAsync(enrollment.EmployerId, enrollment.Id, CancellationToken.None))!.Version }, CancellationToken.None);
        var stale = stored.All.First(n => n.Kind == "welcome-lunch");

        var outcome = await core.Dispatcher.DispatchAsync(enrollment.EmployerId, stale.Id, CancellationToken.None);

        Assert.Equal(DispatchResult.Skipped, outcome.Result);
        Assert.Empty(sender.Calls);
        var final = (await enrollments.GetAsync(enrollment.EmployerId, enrollment.Id, CancellationToken.None))!;
        Assert.Null(final.JourneyLease);
        Assert.Equal((NudgeStatus.Cancelled, NudgeStatusReasons.Replanned), (stored.All.Single(n => n.Id == stale.Id).Status, stored.All.Single(n => n.Id == stale.Id).StatusReason));
        Assert.True(core.Planner.Replan(final, stored.All, core.Clock.Now, new HashSet<Audience>()).IsEmpty);
    }

    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    private CoreServices Core(Retention.Core.Storage.INudgeStore nudges, TimeSpan? maxWait = null) =>
        new(enrollments, nudges, new InMemoryEventStore(), new InMemoryUnsubscribeStore(), clock, sender: sender, maxWait: maxWait);

    private Enrollment Seed(Enrollment enrollment)
    {
        enrollments.Seed(enrollment);
        stored.Seed([.. new JourneyPlanner(new PlanningOptions()).Plan(enrollment, Now)]);
        return enrollment;
    }

    private static EnrollmentPatch Dates(LocalDate start) => new()
    {
        ArrivalDate = NodaTime.Text.LocalDatePattern.Iso.Format(start.PlusDays(-2)),
        StartDate = NodaTime.Text.LocalDatePattern.Iso.Format(start),
    };
}
