using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Journeys;

/// <summary>
/// The journey invariant as the re-plan keeps it: at most one live nudge per milestone (kind, audience, reason),
/// and nothing goes live for an unsubscribed audience.
/// </summary>
public sealed class JourneyInvariantTests
{
    private static readonly Instant Enrolled = Instant.FromUtc(2026, 11, 1, 12, 0);
    private static readonly Instant Now = Instant.FromUtc(2027, 1, 11, 8, 0);
    private static readonly JourneyPlanner Planner = new(new PlanningOptions());
    private static readonly HashSet<Audience> NoOne = [];

    [Fact]
    public void A_journey_holding_two_plans_at_once_is_healed_to_one_nudge_per_milestone()
    {
        // What a race between two re-plans used to leave behind: the nudges of two start dates, all scheduled.
        var enrollment = SampleEnrollments.Audrey();
        var moved = enrollment with { ArrivalDate = new LocalDate(2027, 3, 8), StartDate = new LocalDate(2027, 3, 10), PlanRevision = 2 };
        var damaged = Planner.Plan(enrollment, Now).Concat(Planner.Plan(moved, Now)).DistinctBy(n => n.Id).Select(Stored).ToList();
        Assert.Contains(damaged.GroupBy(n => n.Slot), g => g.Count() > 1);

        var replan = Planner.Replan(moved, damaged, Now, NoOne);

        var after = Apply(damaged, replan);
        Assert.All(after.Where(n => NudgeStatuses.IsLive(n.Status)).GroupBy(n => n.Slot), slot => Assert.Single(slot));
        Assert.Equal(Planner.Plan(moved, Now).Select(n => n.Id).Order(), after.Where(n => NudgeStatuses.IsLive(n.Status)).Select(n => n.Id).Order());
        Assert.True(Planner.Replan(moved, after, Now, NoOne).IsEmpty);
    }

    [Fact]
    public void A_scheduled_copy_of_a_milestone_that_is_being_sent_is_cancelled_as_a_duplicate()
    {
        var enrollment = SampleEnrollments.Audrey();
        var plan = Planner.Plan(enrollment, Now).Select(Stored).ToList();
        var lunch = plan.First(n => n.Kind == "welcome-lunch");
        var sending = lunch with { Id = "other-lunch", Status = NudgeStatus.Sending, DueAt = lunch.DueAt - Duration.FromDays(1) };

        var replan = Planner.Replan(enrollment, [.. plan, sending], Now, NoOne);

        var cancelled = Assert.Single(replan.ToCancel);
        Assert.Equal((lunch.Id, NudgeStatusReasons.Duplicate), (cancelled.Id, cancelled.StatusReason));
    }

    [Fact]
    public void Nothing_goes_live_for_an_unsubscribed_audience_and_it_comes_back_after_re_consent()
    {
        var enrollment = SampleEnrollments.Audrey();
        var stored = Planner.Plan(enrollment, Now).Select(Stored).ToList();

        var unsubscribed = Planner.Replan(enrollment, stored, Now, new HashSet<Audience> { Audience.Ildsjel });
        var held = Apply(stored, unsubscribed);
        var moved = Planner.Replan(enrollment with { StartDate = new LocalDate(2027, 3, 4), PlanRevision = 1 }, held, Now, new HashSet<Audience> { Audience.Ildsjel });
        var heldAfterMove = Apply(held, moved);

        Assert.All(unsubscribed.ToCancel, n => Assert.Equal((Audience.Ildsjel, NudgeStatusReasons.Unsubscribed), (n.Audience, n.StatusReason)));
        Assert.DoesNotContain(heldAfterMove, n => n.Audience == Audience.Ildsjel && NudgeStatuses.IsLive(n.Status));
        Assert.Contains(heldAfterMove, n => n.Audience == Audience.Newcomer && NudgeStatuses.IsLive(n.Status));

        var reconsented = Apply(heldAfterMove, Planner.Replan(enrollment with { StartDate = new LocalDate(2027, 3, 4), PlanRevision = 2 }, heldAfterMove, Now, NoOne));
        Assert.Equal(
            Planner.Plan(enrollment with { StartDate = new LocalDate(2027, 3, 4) }, Now).Count(n => n.Audience == Audience.Ildsjel),
            reconsented.Count(n => n.Audience == Audience.Ildsjel && NudgeStatuses.IsLive(n.Status)));
    }

    [Fact]
    public void The_live_copy_of_a_snoozed_milestone_survives_a_re_plan()
    {
        var enrollment = SampleEnrollments.Audrey();
        var stored = Planner.Plan(enrollment, Now).Select(Stored).ToList();
        var lunch = stored.First(n => n.Kind == "welcome-lunch");
        var copy = lunch with { Id = "snoozed-copy", DueAt = lunch.DueAt + Duration.FromDays(7), MessageKey = "snooze-key" };
        var journey = stored.Select(n => n.Id == lunch.Id ? n with { Status = NudgeStatus.Snoozed, SentAt = n.DueAt } : n).Append(copy).ToList();

        var replan = Planner.Replan(enrollment with { PlanRevision = 1 }, journey, lunch.DueAt + Duration.FromDays(1), NoOne);

        Assert.DoesNotContain(replan.ToCancel, n => n.Id == copy.Id);
        Assert.DoesNotContain(replan.ToAdd, n => n.Slot == lunch.Slot);
    }

    /// <summary>Any sequence of re-plans over random dates, some of them applied only in part, leaves at most one live nudge per milestone.</summary>
    [Property(MaxTest = 60)]
    public Property Any_sequence_of_partly_applied_re_plans_keeps_one_live_nudge_per_milestone() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 60).Zip(Gen.Choose(0, 100))).ToArbitrary(), steps =>
        {
            var enrollment = SampleEnrollments.Audrey();
            var journey = Planner.Plan(enrollment, Now).Select(Stored).ToList();
            var revision = 0;
            foreach (var (days, applied) in steps)
            {
                var start = new LocalDate(2027, 3, 1).PlusDays(days);
                var changed = enrollment with { ArrivalDate = start.PlusDays(-2), StartDate = start, PlanRevision = ++revision };
                var replan = Planner.Replan(changed, journey, Now, NoOne);

                // A change that dies part-way: its cancellations and additions land only in part.
                journey = Apply(journey, replan with
                {
                    ToCancel = replan.ToCancel.Take(replan.ToCancel.Count * applied / 100).ToList(),
                    ToAdd = replan.ToAdd.Take(replan.ToAdd.Count * applied / 100).ToList(),
                });
                journey = Apply(journey, Planner.Replan(changed, journey, Now, NoOne));
            }

            return journey.Where(n => NudgeStatuses.IsLive(n.Status)).GroupBy(n => n.Slot).All(g => g.Count() == 1);
        });

    private static Nudge Stored(Nudge nudge) => nudge with { Version = "1" };

    private static List<Nudge> Apply(IReadOnlyList<Nudge> journey, JourneyReplan replan)
    {
        var byId = journey.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var nudge in replan.ToCancel.Concat(replan.ToRevive).Concat(replan.ToAdd))
        {
            byId[nudge.Id] = Stored(nudge);
        }

        return byId.Values.OrderBy(n => n.DueAt).ToList();
    }
}
