using NodaTime;
using Retention.Core.Analytics;
using Retention.Core.Enrollments;
using Retention.Core.Events;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Analytics;

public sealed class RetentionRecordTests
{
    private static readonly LocalDate Start = new(2027, 3, 3);
    private static readonly Instant Created = Instant.FromUtc(2027, 1, 10, 9, 0);

    private static Enrollment Enrollment(EnrollmentStatus status = EnrollmentStatus.Active, Instant? changed = null) => new()
    {
        EmployerId = "emp-1",
        Id = "enr-1",
        Newcomer = new Newcomer("Audrey", "audrey@example.com", "en", "America/Chicago"),
        Ildsjel = new Ildsjel("Karianne", "karianne@example.no", "nb"),
        ArrivalDate = new LocalDate(2027, 3, 1),
        StartDate = Start,
        Municipality = "Haugesund",
        Consent = new Consent(true),
        CreatedAt = Created,
        Status = status,
        StatusChangedAt = changed,
    };

    private static Nudge Nudge(string id, string kind, NudgeStatus status, Instant sent, Audience audience = Audience.Ildsjel, string? followsUp = null, Instant? acted = null) => new()
    {
        Id = id,
        EmployerId = "emp-1",
        EnrollmentId = "enr-1",
        Kind = kind,
        Audience = audience,
        DueAt = sent,
        Reason = "test",
        MessageKey = id,
        Status = status,
        SentAt = status is NudgeStatus.Scheduled ? null : sent,
        ActedAt = acted,
        FollowsUpNudgeId = followsUp,
    };

    private static Instant Day(int month, int day) => Instant.FromUtc(2027, month, day, 8, 0);

    [Fact]
    public void Welcome_lunch_acted_through_the_reminder_counts_with_the_day_of_the_action()
    {
        var nudges = new[]
        {
            Nudge("n1", "welcome-lunch", NudgeStatus.Sent, Day(3, 5)),
            Nudge("n2", "ildsjel-reminder", NudgeStatus.Acted, Day(3, 12), followsUp: "n1", acted: Day(3, 12)),
        };

        var record = RetentionRecord.From(Enrollment(), nudges, [], []);

        Assert.Equal(WelcomeLunchState.Acted, record.WelcomeLunch);
        Assert.Equal(9, record.DaysToWelcomeLunch);
        var tally = Assert.Single(record.IldsjelNudges);
        Assert.Equal(new NudgeKindTally("welcome-lunch", 1, 1), tally);
        Assert.Equal(0, record.IldsjelIgnoredStreak);
    }

    [Theory]
    [InlineData(NudgeStatus.Scheduled, WelcomeLunchState.NotYetDue)]
    [InlineData(NudgeStatus.Sent, WelcomeLunchState.NotActed)]
    [InlineData(NudgeStatus.Dismissed, WelcomeLunchState.NotActed)]
    [InlineData(NudgeStatus.Cancelled, WelcomeLunchState.NotSent)]
    [InlineData(NudgeStatus.Failed, WelcomeLunchState.NotSent)]
    public void Welcome_lunch_state_follows_the_nudge(NudgeStatus status, WelcomeLunchState expected)
    {
        var record = RetentionRecord.From(Enrollment(), [Nudge("n1", "welcome-lunch", status, Day(3, 5))], [], []);

        Assert.Equal(expected, record.WelcomeLunch);
        Assert.Null(record.DaysToWelcomeLunch);
    }

    [Fact]
    public void Ignored_streak_counts_the_latest_unanswered_ildsjel_nudges_and_skips_newcomer_and_follow_up_nudges()
    {
        var nudges = new[]
        {
            Nudge("a", "first-day", NudgeStatus.Acted, Day(3, 3), acted: Day(3, 3)),
            Nudge("b", "local-events", NudgeStatus.Snoozed, Day(3, 17)),
            Nudge("c", "ildsjel-follow-up", NudgeStatus.Sent, Day(4, 1)),
            Nudge("d", "ildsjel-reminder", NudgeStatus.Sent, Day(4, 8), followsUp: "c"),
            Nudge("e", "seventeenth-may", NudgeStatus.Sent, Day(5, 5)),
            Nudge("f", "check-in", NudgeStatus.Sent, Day(5, 6), Audience.Newcomer),
            Nudge("g", "julebord", NudgeStatus.Scheduled, Day(11, 1)),
        };

        var record = RetentionRecord.From(Enrollment(), nudges, [], []);

        Assert.Equal(2, record.IldsjelIgnoredStreak);
        Assert.Equal(["first-day", "ildsjel-follow-up", "local-events", "seventeenth-may"], record.IldsjelNudges.Select(t => t.Kind));
    }

    [Fact]
    public void Failed_nudges_of_every_audience_are_counted_and_no_other_status()
    {
        var nudges = new[]
        {
            Nudge("a", "welcome-lunch", NudgeStatus.Failed, Day(3, 5)),
            Nudge("b", "welcome-newcomer", NudgeStatus.Failed, Day(3, 1), Audience.Newcomer),
            Nudge("c", "hr-escalation", NudgeStatus.Failed, Day(3, 20), Audience.Hr, followsUp: "a"),
            Nudge("d", "first-day", NudgeStatus.Sent, Day(3, 3)),
            Nudge("e", "local-events", NudgeStatus.Cancelled, Day(3, 17)),
            Nudge("f", "check-in", NudgeStatus.Scheduled, Day(4, 1), Audience.Newcomer),
            Nudge("g", "seventeenth-may", NudgeStatus.Sending, Day(5, 5)),
        };

        Assert.Equal(3, RetentionRecord.From(Enrollment(), nudges, [], []).FailedNudges);
        Assert.Equal(0, RetentionRecord.From(Enrollment(), nudges.Where(n => n.Status != NudgeStatus.Failed).ToList(), [], []).FailedNudges);
        Assert.Equal(0, RetentionRecord.From(Enrollment(), [], [], []).FailedNudges);
    }

    [Fact]
    public void Check_ins_are_ordered_answer_their_nudges_and_drop_the_comment()
    {
        var nudges = new[] { Nudge("c1", "check-in", NudgeStatus.Sent, Day(4, 1), Audience.Newcomer), Nudge("c2", "check-in", NudgeStatus.Sent, Day(6, 1), Audience.Newcomer) };
        var checkIns = new[]
        {
            new CheckIn { EmployerId = "emp-1", EnrollmentId = "enr-1", Id = "k2", At = Day(6, 2), Belonging = 2, IntentToStay = 3, Comment = "private" },
            new CheckIn { EmployerId = "emp-1", EnrollmentId = "enr-1", Id = "k1", At = Day(4, 2), Belonging = 4, IntentToStay = 5, NudgeId = "c1" },
        };

        var record = RetentionRecord.From(Enrollment(), nudges, checkIns, []);

        Assert.Equal([new CheckInAnswer(new LocalDate(2027, 4, 2), 4, 5), new CheckInAnswer(new LocalDate(2027, 6, 2), 2, 3)], record.CheckIns);
        Assert.Equal(2, record.CheckInNudgesSent);
        Assert.Equal(1, record.CheckInNudgesAnswered);
    }

    [Fact]
    public void Departure_comes_from_the_latest_left_outcome_and_is_an_event_of_the_survival()
    {
        var outcomes = new[]
        {
            new Outcome { EmployerId = "emp-1", EnrollmentId = "enr-1", Id = "o1", Status = OutcomeStatus.Stayed, Date = new LocalDate(2027, 9, 3), RecordedAt = Day(9, 3) },
            new Outcome { EmployerId = "emp-1", EnrollmentId = "enr-1", Id = "o2", Status = OutcomeStatus.Left, Date = new LocalDate(2027, 11, 30), Reason = DepartureReason.PartnerJob, RecordedAt = Day(12, 1) },
        };

        var record = RetentionRecord.From(Enrollment(EnrollmentStatus.Left, Day(12, 1)), [], [], outcomes);

        Assert.Equal(new LocalDate(2027, 11, 30), record.DepartureDate);
        Assert.Equal(DepartureReason.PartnerJob, record.DepartureReason);
        Assert.Equal(new SurvivalObservation(272, true), record.ObservationAt(new LocalDate(2027, 12, 31)));
        Assert.Equal(new SurvivalObservation(200, false), record.ObservationAt(new LocalDate(2027, 9, 19)));
        Assert.Null(record.ObservationAt(new LocalDate(2027, 3, 2)));
    }

    [Fact]
    public void Cancelled_enrolment_is_censored_at_the_cancellation_day_in_the_employer_zone()
    {
        // 23:30 UTC on 30 April is already 1 May in Oslo.
        var record = RetentionRecord.From(Enrollment(EnrollmentStatus.Cancelled, Instant.FromUtc(2027, 4, 30, 23, 30)), [], [], []);

        Assert.Equal(new LocalDate(2027, 5, 1), record.CancellationDate);
        Assert.Equal(new SurvivalObservation(59, false), record.ObservationAt(new LocalDate(2027, 12, 31)));
    }
}
