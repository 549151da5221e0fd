using FsCheck.Xunit;
using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Journeys;

/// <summary><see cref="JourneyPlanner.Replan"/>: the past stays, the future is replaced deterministically.</summary>
public sealed class JourneyReplanTests
{
    private static readonly Instant Enrolled = Instant.FromUtc(2026, 11, 1, 12, 0);
    private static readonly JourneyPlanner Planner = new(new PlanningOptions());
    private static readonly HashSet<Audience> NoOneUnsubscribed = [];

    [Fact]
    public void Replanning_an_unchanged_enrolment_changes_nothing()
    {
        var enrollment = SampleEnrollments.Audrey();
        var existing = Planner.Plan(enrollment, Enrolled);

        var replan = Planner.Replan(enrollment with { PlanRevision = 1 }, existing, Enrolled.Plus(Duration.FromDays(3)), NoOneUnsubscribed);

        Assert.Empty(replan.ToCancel);
        Assert.Empty(replan.ToAdd);
    }

    [Fact]
    public void Moving_the_arrival_keeps_sent_nudges_cancels_moved_ones_and_adds_their_replacements()
    {
        var enrollment = SampleEnrollments.Audrey();
        var now = Instant.FromUtc(2027, 2, 16, 0, 0);
        var existing = Sent(Planner.Plan(enrollment, Enrolled), now);
        var moved = enrollment with { ArrivalDate = new LocalDate(2027, 4, 5), StartDate = new LocalDate(2027, 4, 7), PlanRevision = 1 };

        var replan = Planner.Replan(moved, existing, now, NoOneUnsubscribed);

        Assert.DoesNotContain(replan.ToCancel, n => n.DueAt < now);
        Assert.All(replan.ToCancel, n => Assert.Equal(NudgeStatus.Cancelled, n.Status));
        Assert.Contains(replan.ToCancel, n => n.Kind == "welcome-lunch");
        var lunch = Assert.Single(replan.ToAdd, n => n.Kind == "welcome-lunch");
        Assert.Equal(1, lunch.PlanRevision);
        Assert.DoesNotContain(replan.ToAdd, n => existing.Any(e => e.Id == n.Id));

        // The checklist already went out (15 Feb); it is not sent again for the new dates.
        Assert.Contains(existing, n => n.Kind == "practical-checklist" && n.Status == NudgeStatus.Sent);
        Assert.DoesNotContain(replan.ToAdd, n => n.Kind == "practical-checklist");

        // Month-24 retention confirmation moves too; nothing unchanged is touched.
        var unchanged = existing.Where(e => e.Status == NudgeStatus.Scheduled && Planner.Plan(moved, now).Any(p => p.Id == e.Id));
        Assert.DoesNotContain(replan.ToCancel, c => unchanged.Any(u => u.Id == c.Id));
    }

    [Fact]
    public void Pausing_cancels_every_scheduled_nudge_and_keeps_the_rest()
    {
        var enrollment = SampleEnrollments.Audrey();
        var now = Instant.FromUtc(2027, 3, 2, 0, 0);
        var existing = Sent(Planner.Plan(enrollment, Enrolled), now);

        var replan = Planner.Replan(enrollment with { Status = EnrollmentStatus.Paused }, existing, now, NoOneUnsubscribed);

        Assert.Empty(replan.ToAdd);
        Assert.Equal(existing.Where(n => n.Status == NudgeStatus.Scheduled).Select(n => n.Id).Order(), replan.ToCancel.Select(n => n.Id).Order());
        Assert.All(replan.ToCancel, n => Assert.Equal("enrolment is paused", n.StatusReason));
    }

    [Fact]
    public void A_reminder_of_a_nudge_that_went_out_stays_when_the_dates_change()
    {
        var enrollment = SampleEnrollments.Audrey();
        var now = Instant.FromUtc(2027, 2, 22, 0, 0);
        var existing = Sent(Planner.Plan(enrollment, Enrolled), now);
        var introduction = Assert.Single(existing, n => n.Kind == "ildsjel-introduction");
        Assert.Equal(NudgeStatus.Sent, introduction.Status);

        var replan = Planner.Replan(enrollment with { ArrivalDate = new LocalDate(2027, 3, 8), StartDate = new LocalDate(2027, 3, 10) }, existing, now, NoOneUnsubscribed);

        Assert.DoesNotContain(replan.ToCancel, n => n.FollowsUpNudgeId == introduction.Id);
        Assert.DoesNotContain(replan.ToAdd, n => n.Kind == NudgeKinds.IldsjelReminder && n.Reason == "pre-arrival");
    }

    [Property(MaxTest = 200)]
    public void Replanning_keeps_the_past_and_adds_only_future_nudges_with_new_ids(int seed, sbyte shift, byte elapsed)
    {
        var (enrollment, now) = RandomEnrollments.Create(seed);
        var existing = Planner.Plan(enrollment, now);
        var later = now.Plus(Duration.FromDays(elapsed));
        var stored = Sent(existing, later);
        var changed = enrollment with
        {
            ArrivalDate = enrollment.ArrivalDate.PlusDays(shift),
            StartDate = enrollment.StartDate.PlusDays(shift),
            PlanRevision = enrollment.PlanRevision + 1,
        };

        var replan = Planner.Replan(changed, stored, later, NoOneUnsubscribed);

        Assert.All(replan.ToCancel, n =>
        {
            Assert.Equal(NudgeStatus.Cancelled, n.Status);
            var before = Assert.Single(stored, s => s.Id == n.Id);
            Assert.Equal(NudgeStatus.Scheduled, before.Status);
            Assert.True(before.DueAt >= later);
        });
        Assert.All(replan.ToAdd, n =>
        {
            Assert.True(n.DueAt >= later);
            Assert.DoesNotContain(stored, s => s.Id == n.Id);
            Assert.DoesNotContain(stored, s => s.Status == NudgeStatus.Sent && (s.Kind, s.Audience, s.Reason) == (n.Kind, n.Audience, n.Reason));
        });

        // Applying the re-plan and re-planning again is a fixed point.
        var applied = stored.Where(s => replan.ToCancel.All(c => c.Id != s.Id)).Concat(replan.ToCancel).Concat(replan.ToAdd).ToList();
        var again = Planner.Replan(changed, applied, later, NoOneUnsubscribed);
        Assert.Empty(again.ToCancel);
        Assert.Empty(again.ToAdd);
    }

    /// <summary>The stored state at <paramref name="now"/>: everything due before it went out.</summary>
    private static List<Nudge> Sent(IReadOnlyList<Nudge> plan, Instant now) =>
        [.. plan.Select(n => n.DueAt < now ? n with { Status = NudgeStatus.Sent, SentAt = n.DueAt } : n)];
}
