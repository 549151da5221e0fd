using FsCheck.Xunit;
using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Journeys;

/// <summary>Properties of <see cref="JourneyPlanner"/> over random enrolments (zones with DST, dates over 90 years, families).</summary>
public sealed class JourneyPlannerPropertyTests
{
    private static readonly string[] SeasonalKinds = ["seventeenth-may", "midsummer", "wool-season", "skiing-season", "easter", "julebord", "july-holiday"];
    private static readonly string[] FamilyKinds = ["family-activities", "kindergarten", "school"];

    [Property(MaxTest = 400)]
    public void Every_nudge_is_on_a_working_day_inside_the_window_of_the_recipients_zone(int seed)
    {
        var (enrollment, now) = RandomEnrollments.Create(seed);
        foreach (var nudge in Planner().Plan(enrollment, now))
        {
            Assert.True(RecipientTime.ProperLocal(enrollment, nudge) is not null,
                $"{nudge.Kind}/{nudge.Audience} at {nudge.DueAt} ({enrollment.Newcomer.TimeZone}, arrival {enrollment.ArrivalDate})");
        }
    }

    [Property(MaxTest = 300)]
    public void No_recipient_gets_more_messages_in_an_ISO_week_than_the_cap(int seed, byte capSeed)
    {
        var cap = (capSeed % 4) + 1;
        var (enrollment, now) = RandomEnrollments.Create(seed);
        var plan = Planner(new PlanningOptions { WeeklyCap = cap }).Plan(enrollment, now);

        var perWeek = plan
            .GroupBy(n => (n.Audience, Week(RecipientTime.ProperLocal(enrollment, n)!.Value.Date)))
            .Select(g => g.Select(n => n.MessageKey).Distinct().Count());
        Assert.All(perWeek, count => Assert.InRange(count, 1, cap));
    }

    [Property(MaxTest = 300)]
    public void Nudges_for_one_recipient_on_one_day_share_message_key_and_due_time(int seed)
    {
        var (enrollment, now) = RandomEnrollments.Create(seed);
        var plan = Planner().Plan(enrollment, now);

        foreach (var day in plan.GroupBy(n => (n.Audience, RecipientTime.ProperLocal(enrollment, n)!.Value.Date)))
        {
            Assert.Single(day.Select(n => n.MessageKey).Distinct());
            Assert.Single(day.Select(n => n.DueAt).Distinct());
        }

        foreach (var message in plan.GroupBy(n => n.MessageKey))
        {
            Assert.Single(message.Select(n => (n.Audience, n.DueAt)).Distinct());
        }
    }

    [Property(MaxTest = 200)]
    public void The_same_input_gives_the_same_plan_and_ids(int seed)
    {
        var (enrollment, now) = RandomEnrollments.Create(seed);
        var first = Planner().Plan(enrollment, now);
        var second = Planner().Plan(enrollment with { }, now);

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Select(n => n.Id).Distinct().Count());
    }

    [Property(MaxTest = 200)]
    public void A_later_plan_is_the_tail_of_an_earlier_one_and_never_in_the_past(int seed, ushort laterDays)
    {
        var (enrollment, now) = RandomEnrollments.Create(seed);
        var later = now.Plus(Duration.FromDays(laterDays % 400));
        var early = Planner().Plan(enrollment, now);
        var late = Planner().Plan(enrollment, later);

        Assert.All(early, n => Assert.True(n.DueAt >= now));
        Assert.Equal(early.Where(n => n.DueAt >= later && (n.FollowsUpNudgeId is null || late.Any(o => o.Id == n.FollowsUpNudgeId))), late);
    }

    [Property(MaxTest = 300)]
    public void Family_nudges_need_a_family_of_the_right_ages_and_newcomer_nudges_need_consent(int seed)
    {
        var (enrollment, now) = RandomEnrollments.Create(seed);
        var plan = Planner().Plan(enrollment, now);
        var kinds = plan.Select(n => n.Kind).ToHashSet();
        var ages = enrollment.Family.ChildrenAges;

        if (!enrollment.Family.Partner && ages.Count == 0)
        {
            Assert.DoesNotContain(plan, n => FamilyKinds.Contains(n.Kind));
        }

        Assert.False(kinds.Contains("kindergarten") && !ages.Any(a => a < 6));
        Assert.False(kinds.Contains("school") && !ages.Any(a => a is >= 6 and <= 15));
        Assert.False(!enrollment.Consent.NewcomerNudges && plan.Any(n => n.Audience == Audience.Newcomer));
        Assert.False(enrollment.HrContact is null && plan.Any(n => n.Audience == Audience.Hr));
    }

    [Property(MaxTest = 300)]
    public void Seasonal_moments_fall_inside_the_journey_window(int seed)
    {
        var (enrollment, now) = RandomEnrollments.Create(seed);
        var windowStart = enrollment.ArrivalDate.PlusDays(-30);
        var windowEnd = enrollment.StartDate.PlusMonths(12);

        foreach (var nudge in Planner().Plan(enrollment, now).Where(n => SeasonalKinds.Contains(n.Kind)))
        {
            var date = RecipientTime.ProperLocal(enrollment, nudge)!.Value.Date;
            Assert.InRange(date, windowStart, windowEnd);
        }
    }

    [Property(MaxTest = 200)]
    public void Every_follow_up_follows_an_ildsjel_nudge_of_the_same_plan_some_working_days_later(int seed)
    {
        var (enrollment, now) = RandomEnrollments.Create(seed);
        var plan = Planner().Plan(enrollment, now);
        var byId = plan.ToDictionary(n => n.Id);

        foreach (var follow in plan.Where(n => n.FollowsUpNudgeId is not null))
        {
            var original = byId[follow.FollowsUpNudgeId!];
            Assert.Equal(Audience.Ildsjel, original.Audience);
            Assert.Equal(original.Reason, follow.Reason);
            Assert.True(follow.DueAt - original.DueAt >= Duration.FromDays(5));
            Assert.Contains(follow.Kind, (string[])[NudgeKinds.IldsjelReminder, NudgeKinds.HrEscalation]);
        }
    }

    private static JourneyPlanner Planner(PlanningOptions? options = null) => new(options ?? new PlanningOptions());

    private static int Week(LocalDate date) => date.ToDateOnly().DayNumber - ((int)date.DayOfWeek - 1);
}
