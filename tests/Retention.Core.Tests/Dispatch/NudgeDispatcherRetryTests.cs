using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Email;
using Retention.Core.Journeys;
using Retention.Testing.Fakes;

namespace Retention.Core.Tests.Dispatch;

/// <summary>How a send result maps to the nudge: throttled, transient with back-off, permanent, attempts exhausted.</summary>
public sealed class NudgeDispatcherRetryTests
{
    [Fact]
    public async Task Puts_a_throttled_nudge_back_after_the_retry_after_without_counting_the_attempt()
    {
        var scenario = new DispatchScenario(sender: new RecordingEmailSender().Then(EmailSendResult.Throttled(TimeSpan.FromSeconds(42))));
        scenario.Seed(DispatchScenario.Nudge("n1"));

        var outcome = await scenario.DispatchAsync("n1");

        var expected = scenario.Now + Duration.FromSeconds(42);
        Assert.Equal(DispatchResult.Throttled, outcome.Result);
        Assert.Equal(expected, outcome.RetryAt);
        var stored = scenario.Stored("n1");
        Assert.Equal(NudgeStatus.Scheduled, stored.Status);
        Assert.Equal(0, stored.Attempts);
        Assert.Equal(expected, stored.NextAttemptAt);
    }

    [Fact]
    public async Task Uses_the_default_delay_when_a_throttle_names_none()
    {
        var options = new DispatchOptions { DefaultThrottleDelay = TimeSpan.FromMinutes(3) };
        var scenario = new DispatchScenario(options, new RecordingEmailSender().Then(EmailSendResult.Throttled(null)));
        scenario.Seed(DispatchScenario.Nudge("n1"));

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(scenario.Now + Duration.FromMinutes(3), outcome.RetryAt);
    }

    [Fact]
    public async Task Backs_off_on_the_configured_schedule_and_fails_after_max_attempts()
    {
        var options = new DispatchOptions { MaxAttempts = 6, BackoffBase = TimeSpan.FromSeconds(10), BackoffFactor = 3, BackoffCap = TimeSpan.FromMinutes(5) };
        var failures = Enumerable.Repeat(EmailSendResult.Transient("smtp 451 4.3.0"), 6).ToArray();
        var scenario = new DispatchScenario(options, new RecordingEmailSender().Then(failures));
        scenario.Seed(DispatchScenario.Nudge("n1"));

        var delays = new List<Duration>();
        DispatchOutcome outcome;
        while (true)
        {
            outcome = await scenario.DispatchAsync("n1");
            if (outcome.Result != DispatchResult.RetryLater)
            {
                break;
            }

            Assert.Equal(outcome.RetryAt, scenario.Stored("n1").NextAttemptAt);
            delays.Add(outcome.RetryAt!.Value - scenario.Now);
            scenario.AdvanceTo(outcome.RetryAt.Value);
        }

        Assert.Equal(new[] { 10, 30, 90, 270, 300 }, delays.Select(d => (int)d.TotalSeconds));
        Assert.Equal(DispatchResult.Failed, outcome.Result);
        var stored = scenario.Stored("n1");
        Assert.Equal(NudgeStatus.Failed, stored.Status);
        Assert.Equal(6, stored.Attempts);
        Assert.Equal("transient: smtp 451 4.3.0 (attempts exhausted)", stored.LastError);
        Assert.Equal(6, scenario.Sender.Calls.Count);
    }

    [Fact]
    public async Task Fails_at_once_on_a_permanent_error()
    {
        var scenario = new DispatchScenario(sender: new RecordingEmailSender().Then(EmailSendResult.Permanent("smtp 550 5.1.1")));
        scenario.Seed(DispatchScenario.Nudge("a"));
        scenario.Seed(DispatchScenario.Nudge("b"));

        var outcome = await scenario.DispatchAsync("a");

        Assert.Equal(DispatchResult.Failed, outcome.Result);
        Assert.All(new[] { "a", "b" }, id =>
        {
            Assert.Equal(NudgeStatus.Failed, scenario.Stored(id).Status);
            Assert.Equal("permanent: smtp 550 5.1.1", scenario.Stored(id).LastError);
        });
    }

    [Fact]
    public async Task Treats_a_sender_that_throws_as_a_transient_failure()
    {
        var scenario = new DispatchScenario(sender: new RecordingEmailSender().ThenThrow(new IOException("disk gone")));
        scenario.Seed(DispatchScenario.Nudge("n1"));

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.RetryLater, outcome.Result);
        Assert.Equal(scenario.Now + Duration.FromTimeSpan(scenario.Options.BackoffBase), outcome.RetryAt);
        Assert.Equal("transient: sender threw IOException", scenario.Stored("n1").LastError);
    }

    [Fact]
    public async Task Sends_after_a_transient_failure_once_the_back_off_has_passed()
    {
        var scenario = new DispatchScenario(sender: new RecordingEmailSender().Then(EmailSendResult.Transient("connection refused")));
        scenario.Seed(DispatchScenario.Nudge("n1"));

        var first = await scenario.DispatchAsync("n1");
        var early = await scenario.DispatchAsync("n1");
        scenario.AdvanceTo(first.RetryAt!.Value);
        var second = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.Duplicate, early.Result);
        Assert.Equal(DispatchResult.Sent, second.Result);
        Assert.Equal(2, scenario.Stored("n1").Attempts);
        Assert.Null(scenario.Stored("n1").LastError);
    }

    [Fact]
    public async Task Logs_ids_and_reasons_but_never_names_or_addresses()
    {
        var scenario = new DispatchScenario(sender: new RecordingEmailSender().Then(EmailSendResult.Transient("x"), EmailSendResult.Permanent("y")));
        scenario.Seed(DispatchScenario.Nudge("a", audience: Audience.Newcomer));
        scenario.Seed(DispatchScenario.Nudge("b"));

        var first = await scenario.DispatchAsync("a");
        scenario.AdvanceTo(first.RetryAt!.Value);
        await scenario.DispatchAsync("a");
        await scenario.DispatchAsync("b");

        var messages = scenario.Logger.Entries.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("Nudge a of employer acme failed for good", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains('@', StringComparison.Ordinal) || m.Contains("Audrey", StringComparison.Ordinal) || m.Contains("Karianne", StringComparison.Ordinal));
    }
}
