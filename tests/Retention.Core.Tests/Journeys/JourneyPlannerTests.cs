using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Journeys;

public sealed class JourneyPlannerTests
{
    private static readonly Instant Enrolled = Instant.FromUtc(2026, 11, 1, 12, 0);
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
    private static readonly DateTimeZone Chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];

    [Fact]
    public void Plans_the_default_journey_for_a_family_with_a_small_and_a_school_child()
    {
        var plan = Plan(SampleEnrollments.Audrey());

        string[] expected =
        [
            "kindergarten", "school", "practical-checklist", "ildsjel-introduction", "arrival-welcome", "first-day", "welcome-lunch",
            "family-activities", "local-events", "norwegian-course", "leisure-clubs", "check-in", "ildsjel-follow-up",
            "retention-confirmation", "seventeenth-may", "midsummer", "wool-season", "skiing-season", "easter", "julebord", "july-holiday",
            "ildsjel-reminder", "hr-escalation",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), plan.Select(n => n.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["month-1", "month-3", "month-6", "month-9", "month-12"], plan.Where(n => n.Kind == "check-in").Select(n => n.Reason));
        Assert.Equal(["month-6", "month-12", "month-24"], plan.Where(n => n.Kind == "retention-confirmation").Select(n => n.Reason));
    }

    [Fact]
    public void Welcome_lunch_goes_to_the_ildsjel_two_working_days_after_start_in_the_Oslo_window()
    {
        var lunch = Assert.Single(Plan(SampleEnrollments.Audrey()), n => n.Kind == "welcome-lunch");

        var local = lunch.DueAt.InZone(Oslo).LocalDateTime;
        Assert.Equal(Audience.Ildsjel, lunch.Audience);
        Assert.Equal("week-1", lunch.Reason);
        Assert.Equal(new LocalDate(2027, 3, 5), local.Date); // start Wed 3 March + 2 working days
        Assert.InRange(local.TimeOfDay, new LocalTime(9, 0), new LocalTime(14, 59));
    }

    [Fact]
    public void Before_arrival_the_newcomer_is_nudged_in_their_own_zone_and_after_arrival_in_Oslo()
    {
        var plan = Plan(SampleEnrollments.Audrey());

        var checklist = Assert.Single(plan, n => n.Kind == "practical-checklist").DueAt.InZone(Chicago).LocalDateTime;
        Assert.Equal(new LocalDate(2027, 2, 15), checklist.Date); // 14 days before 1 March
        Assert.InRange(checklist.TimeOfDay, new LocalTime(9, 0), new LocalTime(14, 59));

        var welcome = Assert.Single(plan, n => n.Kind == "arrival-welcome").DueAt.InZone(Oslo).LocalDateTime;
        Assert.Equal(new LocalDate(2027, 3, 1), welcome.Date);
        Assert.InRange(welcome.TimeOfDay, new LocalTime(9, 0), new LocalTime(14, 59));
    }

    [Fact]
    public void A_milestone_on_a_public_holiday_moves_to_the_next_working_day()
    {
        // Arrival on Monday 17 May 2027, which is both Constitution Day and Whit Monday.
        var plan = Plan(SampleEnrollments.Audrey(arrival: new LocalDate(2027, 5, 17), start: new LocalDate(2027, 5, 18)));

        var welcome = Assert.Single(plan, n => n.Kind == "arrival-welcome");
        Assert.Equal(new LocalDate(2027, 5, 18), welcome.DueAt.InZone(Oslo).Date);
    }

    [Fact]
    public void Nudges_for_one_person_on_one_day_are_merged_into_one_message()
    {
        var plan = Plan(SampleEnrollments.Audrey());

        var kindergarten = Assert.Single(plan, n => n.Kind == "kindergarten");
        var school = Assert.Single(plan, n => n.Kind == "school");
        Assert.Equal(kindergarten.MessageKey, school.MessageKey);
        Assert.Equal(kindergarten.DueAt, school.DueAt);
        Assert.Equal("enrollment-1:newcomer:2027-02-08", school.MessageKey);
    }

    [Fact]
    public void With_a_cap_of_one_a_second_message_in_the_week_moves_to_the_next_week()
    {
        // Arrival Tue 2 March 2027: kindergarten/school on Tue 9 Feb (merged), checklist on Tue 16 Feb, introduction
        // to the ildsjel on Fri 19 Feb; the newcomer's arrival welcome and family nudges then compete for weeks.
        var enrollment = SampleEnrollments.Audrey(arrival: new LocalDate(2027, 3, 2), start: new LocalDate(2027, 3, 2));
        var plan = new JourneyPlanner(new PlanningOptions { WeeklyCap = 1 }).Plan(enrollment, Enrolled);

        var newcomerWeeks = plan.Where(n => n.Audience == Audience.Newcomer)
            .GroupBy(n => n.MessageKey)
            .Select(g => Week(g.First().MessageKey))
            .ToList();
        Assert.Equal(newcomerWeeks.Count, newcomerWeeks.Distinct().Count());

        // Week 10: family activities (wish Tue 9 March) and local events (wish Wed 10 March) need local content, so they
        // take the week's room last: the Easter nudge (Thu 11 March) gets the week's one message, and both join that
        // message instead of pushing it — if they are skipped for lack of content, nothing was moved for them.
        var family = Assert.Single(plan, n => n.Kind == "family-activities");
        var events = Assert.Single(plan, n => n.Kind == "local-events" && n.Audience == Audience.Newcomer);
        var easter = Assert.Single(plan, n => n.Kind == "easter");
        Assert.Equal(new LocalDate(2027, 3, 11), easter.DueAt.InZone(Oslo).Date);
        Assert.Equal([easter.MessageKey, easter.MessageKey], new[] { family.MessageKey, events.MessageKey });
    }

    [Fact]
    public void Without_family_there_are_no_family_nudges()
    {
        var plan = Plan(SampleEnrollments.Audrey(family: Family.None));

        Assert.DoesNotContain(plan, n => n.Kind is "family-activities" or "kindergarten" or "school");
    }

    [Theory]
    [InlineData(new[] { 3 }, true, false)]
    [InlineData(new[] { 6 }, false, true)]
    [InlineData(new[] { 15, 5 }, true, true)]
    [InlineData(new[] { 17 }, false, false)]
    public void Kindergarten_and_school_depend_on_the_childrens_ages(int[] ages, bool kindergarten, bool school)
    {
        var plan = Plan(SampleEnrollments.Audrey(family: new Family(false, ages)));

        Assert.Equal(kindergarten, plan.Any(n => n.Kind == "kindergarten"));
        Assert.Equal(school, plan.Any(n => n.Kind == "school"));
        Assert.Contains(plan, n => n.Kind == "family-activities");
    }

    [Fact]
    public void Without_consent_the_newcomer_gets_nothing_but_the_ildsjel_still_does()
    {
        var plan = Plan(SampleEnrollments.Audrey(consent: false));

        Assert.DoesNotContain(plan, n => n.Audience == Audience.Newcomer);
        Assert.Contains(plan, n => n.Kind == "welcome-lunch");
    }

    [Fact]
    public void Without_an_HR_contact_there_are_no_HR_nudges()
    {
        var plan = Plan(SampleEnrollments.Audrey(hr: false));

        Assert.DoesNotContain(plan, n => n.Audience == Audience.Hr);
        Assert.Contains(plan, n => n.Kind == NudgeKinds.IldsjelReminder);
    }

    [Fact]
    public void An_unacted_ildsjel_nudge_is_reminded_after_five_working_days_and_then_escalated_to_HR()
    {
        var plan = Plan(SampleEnrollments.Audrey());
        var lunch = Assert.Single(plan, n => n.Kind == "welcome-lunch");

        var reminder = Assert.Single(plan, n => n.Kind == NudgeKinds.IldsjelReminder && n.FollowsUpNudgeId == lunch.Id);
        var escalation = Assert.Single(plan, n => n.Kind == NudgeKinds.HrEscalation && n.FollowsUpNudgeId == lunch.Id);
        Assert.Equal(new LocalDate(2027, 3, 12), reminder.DueAt.InZone(Oslo).Date);
        Assert.Equal(new LocalDate(2027, 3, 19), escalation.DueAt.InZone(Oslo).Date);
        Assert.Equal(Audience.Hr, escalation.Audience);
        Assert.DoesNotContain(plan, n => n.Kind == NudgeKinds.IldsjelReminder && n.FollowsUpNudgeId == Assert.Single(plan, f => f.Kind == "first-day").Id);
    }

    [Fact]
    public void Only_nudges_due_from_now_on_are_planned_and_no_follow_up_of_a_past_nudge()
    {
        var now = Instant.FromUtc(2027, 3, 8, 0, 0);
        var plan = new JourneyPlanner(new PlanningOptions()).Plan(SampleEnrollments.Audrey(), now);

        Assert.All(plan, n => Assert.True(n.DueAt >= now));
        Assert.DoesNotContain(plan, n => n.Kind == "welcome-lunch");
        Assert.DoesNotContain(plan, n => n.Kind == NudgeKinds.IldsjelReminder && n.Reason == "week-1");
    }

    [Theory]
    [InlineData(EnrollmentStatus.Paused)]
    [InlineData(EnrollmentStatus.Cancelled)]
    [InlineData(EnrollmentStatus.Left)]
    public void An_enrolment_that_is_not_active_gets_no_nudges(EnrollmentStatus status)
    {
        Assert.Empty(Plan(SampleEnrollments.Audrey() with { Status = status }));
    }

    [Fact]
    public void A_seasonal_moment_pushed_past_the_window_by_a_weekend_is_dropped()
    {
        // Window ends 1 Oct 2028 (start + 12 months), a Sunday: that wool-season nudge would go out on 2 Oct, outside.
        var plan = Plan(SampleEnrollments.Audrey(arrival: new LocalDate(2027, 9, 30), start: new LocalDate(2027, 10, 1)));

        Assert.Equal(["first-frost-2027"], plan.Where(n => n.Kind == "wool-season").Select(n => n.Reason));
    }

    [Fact]
    public void Check_in_months_come_from_the_options()
    {
        var plan = new JourneyPlanner(new PlanningOptions { CheckInMonths = [1, 6, 18, 24] }).Plan(SampleEnrollments.Audrey(), Enrolled);

        Assert.Equal(["month-1", "month-6", "month-18", "month-24"], plan.Where(n => n.Kind == "check-in").Select(n => n.Reason));
    }

    [Fact]
    public void The_send_time_of_a_recipient_is_the_window_start_when_spreading_is_off()
    {
        var plan = new JourneyPlanner(new PlanningOptions { SpreadWithinWindow = false, WindowStart = new(10, 30), WindowEnd = new(12, 0) })
            .Plan(SampleEnrollments.Audrey(), Enrolled);

        Assert.All(plan.Where(n => n.Audience != Audience.Newcomer), n => Assert.Equal(new LocalTime(10, 30), n.DueAt.InZone(Oslo).TimeOfDay));
    }

    [Fact]
    public void An_employer_can_plan_with_its_own_definition()
    {
        var own = JourneyDefinition.Parse("""
            { "name": "lean", "milestones": [
              { "kind": "welcome-lunch", "audience": "ildsjel", "reason": "week-1", "anchor": "start", "offsetWorkingDays": 1 } ] }
            """);
        var planner = new JourneyPlanner(new PlanningOptions(), employerId => employerId == "employer-1" ? own : null);

        var plan = planner.Plan(SampleEnrollments.Audrey(), Enrolled);
        var other = planner.Plan(SampleEnrollments.Audrey() with { EmployerId = "employer-2" }, Enrolled);

        var lunch = Assert.Single(plan);
        Assert.Equal(new LocalDate(2027, 3, 4), lunch.DueAt.InZone(Oslo).Date);
        Assert.True(other.Count > 40);
    }

    [Fact]
    public void A_long_journey_of_many_milestones_is_planned_completely_and_twice_the_same()
    {
        // 4 × 121 monthly ildsjel milestones with escalations: far more than the planner's initial buffers hold.
        var months = string.Join(", ", Enumerable.Range(0, 121));
        var own = JourneyDefinition.Parse($$"""
            { "milestones": [
              { "kind": "a", "audience": "ildsjel", "reason": "m", "anchor": "start", "atMonths": [{{months}}], "escalate": true },
              { "kind": "b", "audience": "ildsjel", "reason": "m", "anchor": "start", "atMonths": [{{months}}], "escalate": true },
              { "kind": "c", "audience": "newcomer", "reason": "m", "anchor": "arrival", "atMonths": [{{months}}] },
              { "kind": "d", "audience": "hr", "reason": "m", "anchor": "arrival", "atMonths": [{{months}}] } ] }
            """);
        var planner = new JourneyPlanner(new PlanningOptions(), own);

        var first = planner.Plan(SampleEnrollments.Audrey(), Enrolled);
        var second = planner.Plan(SampleEnrollments.Audrey(), Enrolled);
        var small = planner.Plan(SampleEnrollments.Audrey() with { Id = "enrollment-2" }, Enrolled);

        Assert.Equal(121 * 8, first.Count); // a, b, c, d, and a reminder and an HR escalation for each a and b
        Assert.Equal(first, second);
        Assert.Equal(first.Count, small.Count);
        Assert.Equal(first.OrderBy(n => n.DueAt).ThenBy(n => n.Audience).Select(n => n.DueAt), first.Select(n => n.DueAt));
    }

    private static IReadOnlyList<Nudge> Plan(Enrollment enrollment) => new JourneyPlanner(new PlanningOptions()).Plan(enrollment, Enrolled);

    private static int Week(string messageKey)
    {
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(messageKey[^10..]).Value;
        return date.ToDateOnly().DayNumber - ((int)date.DayOfWeek - 1);
    }
}
