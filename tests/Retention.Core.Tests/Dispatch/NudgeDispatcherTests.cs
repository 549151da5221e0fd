using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Dispatch;

/// <summary>The decisions before a send: what goes out, what is a duplicate, what is no longer wanted.</summary>
public sealed class NudgeDispatcherTests
{
    [Fact]
    public async Task Sends_a_due_nudge_and_marks_it_sent()
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("n1"));

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.Sent, outcome.Result);
        var stored = scenario.Stored("n1");
        Assert.Equal(NudgeStatus.Sent, stored.Status);
        Assert.Equal(scenario.Now, stored.SentAt);
        Assert.Equal(1, stored.Attempts);
        Assert.Null(stored.NextAttemptAt);
        var call = Assert.Single(scenario.Sender.Calls);
        Assert.Equal(DispatchScenario.IldsjelEmail, call.Message.To.Mailboxes.Single().Address);
        Assert.StartsWith("acme:", call.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_missing_nudge_as_not_found_without_sending()
    {
        var scenario = new DispatchScenario();

        var outcome = await scenario.DispatchAsync("nope");

        Assert.Equal(DispatchResult.NotFound, outcome.Result);
        Assert.Empty(scenario.Sender.Calls);
    }

    [Fact]
    public async Task Does_not_see_a_nudge_of_another_employer()
    {
        var scenario = new DispatchScenario();
        scenario.Nudges.Seed(DispatchScenario.Nudge("n1") with { EmployerId = "globex" });

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.NotFound, outcome.Result);
        Assert.Empty(scenario.Sender.Calls);
    }

    [Theory]
    [InlineData(NudgeStatus.Sent, DispatchResult.Duplicate)]
    [InlineData(NudgeStatus.Acted, DispatchResult.Duplicate)]
    [InlineData(NudgeStatus.Snoozed, DispatchResult.Duplicate)]
    [InlineData(NudgeStatus.Dismissed, DispatchResult.Duplicate)]
    [InlineData(NudgeStatus.Failed, DispatchResult.Duplicate)]
    [InlineData(NudgeStatus.Cancelled, DispatchResult.Skipped)]
    public async Task Leaves_a_settled_nudge_alone(NudgeStatus status, DispatchResult expected)
    {
        var scenario = new DispatchScenario();
        var seeded = scenario.Seed(DispatchScenario.Nudge("n1") with { Status = status });

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(expected, outcome.Result);
        Assert.Empty(scenario.Sender.Calls);
        Assert.Equal(seeded, scenario.Stored("n1"));
    }

    [Fact]
    public async Task Skips_a_nudge_whose_enrolment_is_gone_and_reports_not_found()
    {
        var scenario = new DispatchScenario();
        scenario.Nudges.Seed(DispatchScenario.Nudge("n1") with { EnrollmentId = "enr-gone" });

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.NotFound, outcome.Result);
        Assert.Equal(NudgeStatus.Skipped, scenario.Stored("n1").Status);
        Assert.Empty(scenario.Sender.Calls);
    }

    [Theory]
    [InlineData(EnrollmentStatus.Paused)]
    [InlineData(EnrollmentStatus.Completed)]
    [InlineData(EnrollmentStatus.Left)]
    [InlineData(EnrollmentStatus.Cancelled)]
    public async Task Skips_a_nudge_of_an_enrolment_that_is_not_active_and_says_why(EnrollmentStatus status)
    {
        var scenario = new DispatchScenario();
        scenario.ChangeEnrollment(e => e with { Status = status });
        scenario.Seed(DispatchScenario.Nudge("n1"));

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.Skipped, outcome.Result);
        Assert.Equal(NudgeStatus.Skipped, scenario.Stored("n1").Status);
        Assert.Equal("enrolment is " + status.ToString().ToLowerInvariant(), scenario.Stored("n1").StatusReason);
        Assert.Empty(scenario.Sender.Calls);
    }

    [Fact]
    public async Task Skips_newcomer_nudges_without_consent_but_still_sends_to_the_ildsjel()
    {
        var scenario = new DispatchScenario();
        scenario.ChangeEnrollment(e => e with { Consent = new Consent(false) });
        scenario.Seed(DispatchScenario.Nudge("to-newcomer", Audience.Newcomer));
        scenario.Seed(DispatchScenario.Nudge("to-ildsjel", Audience.Ildsjel));

        var newcomer = await scenario.DispatchAsync("to-newcomer");
        var ildsjel = await scenario.DispatchAsync("to-ildsjel");

        Assert.Equal(DispatchResult.Skipped, newcomer.Result);
        Assert.Equal(NudgeStatus.Skipped, scenario.Stored("to-newcomer").Status);
        Assert.Equal(DispatchResult.Sent, ildsjel.Result);
        Assert.Equal(DispatchScenario.IldsjelEmail, Assert.Single(scenario.Sender.Calls).Message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Skips_an_hr_nudge_when_there_is_no_hr_contact()
    {
        var scenario = new DispatchScenario();
        scenario.ChangeEnrollment(e => e with { HrContact = null });
        scenario.Seed(DispatchScenario.Nudge("hr", Audience.Hr, kind: "hr-escalation"));

        var outcome = await scenario.DispatchAsync("hr");

        Assert.Equal(DispatchResult.Skipped, outcome.Result);
        Assert.Empty(scenario.Sender.Calls);
    }

    [Theory]
    [InlineData(NudgeStatus.Acted)]
    [InlineData(NudgeStatus.Dismissed)]
    [InlineData(NudgeStatus.Snoozed)]
    public async Task Skips_a_follow_up_when_the_original_was_answered(NudgeStatus original)
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("lunch", messageKey: "day-1") with { Status = original });
        scenario.Seed(DispatchScenario.Nudge("reminder", messageKey: "day-8", kind: "ildsjel-reminder") with { FollowsUpNudgeId = "lunch" });

        var outcome = await scenario.DispatchAsync("reminder");

        Assert.Equal(DispatchResult.Skipped, outcome.Result);
        Assert.Equal(NudgeStatus.Skipped, scenario.Stored("reminder").Status);
        Assert.Empty(scenario.Sender.Calls);
    }

    [Fact]
    public async Task Sends_a_follow_up_when_the_original_went_out_and_nobody_acted()
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("lunch", messageKey: "day-1") with { Status = NudgeStatus.Sent });
        scenario.Seed(DispatchScenario.Nudge("reminder", messageKey: "day-8", kind: "ildsjel-reminder") with { FollowsUpNudgeId = "lunch" });

        var outcome = await scenario.DispatchAsync("reminder");

        Assert.Equal(DispatchResult.Sent, outcome.Result);
        Assert.Equal("ildsjel-reminder", Assert.Single(scenario.Sender.Calls).Message.Subject);
    }

    [Fact]
    public async Task Does_not_send_a_nudge_whose_next_attempt_is_still_ahead()
    {
        var scenario = new DispatchScenario();
        var later = scenario.Now + Duration.FromMinutes(10);
        scenario.Seed(DispatchScenario.Nudge("n1") with { NextAttemptAt = later });

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.Duplicate, outcome.Result);
        Assert.Equal(later, outcome.RetryAt);
        Assert.Empty(scenario.Sender.Calls);
    }

    [Fact]
    public async Task Marks_the_nudge_failed_when_rendering_throws_and_sends_nothing()
    {
        var scenario = new DispatchScenario();
        scenario.Renderer.Failure = new InvalidOperationException("template missing");
        scenario.Seed(DispatchScenario.Nudge("n1"));

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.Failed, outcome.Result);
        var stored = scenario.Stored("n1");
        Assert.Equal(NudgeStatus.Failed, stored.Status);
        Assert.Contains("render failed", stored.LastError, StringComparison.Ordinal);
        Assert.Empty(scenario.Sender.Calls);
    }
}
