using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Journeys;
using Retention.Testing.Fakes;

namespace Retention.Core.Tests.Dispatch;

/// <summary>Compare-and-set conflicts, live and expired leases, and the replay after a crash.</summary>
public sealed class NudgeDispatcherConcurrencyTests
{
    [Fact]
    public async Task Decides_again_when_the_nudge_is_cancelled_between_read_and_claim()
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("n1"));
        scenario.Nudges.ChangeBeforeNextUpdate("n1", n => n with { Status = NudgeStatus.Cancelled });

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.Skipped, outcome.Result);
        Assert.Equal(NudgeStatus.Cancelled, scenario.Stored("n1").Status);
        Assert.Equal(1, scenario.Nudges.ConflictCount);
        Assert.Empty(scenario.Sender.Calls);
    }

    [Fact]
    public async Task Sends_after_a_harmless_concurrent_change()
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("n1"));
        scenario.Nudges.ChangeBeforeNextUpdate("n1", n => n with { SchedulerHandle = 7 });

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.Sent, outcome.Result);
        Assert.Equal(1, scenario.Nudges.ConflictCount);
        Assert.Single(scenario.Sender.Calls);
        Assert.Equal(7, scenario.Stored("n1").SchedulerHandle);
    }

    [Fact]
    public async Task Records_sent_even_when_the_nudge_changed_during_the_send()
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("n1"));
        scenario.Sender.OnSend = (_, _) => scenario.Nudges.ChangeBeforeNextUpdate("n1", n => n with { SchedulerHandle = 9 });

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.Sent, outcome.Result);
        Assert.Equal(NudgeStatus.Sent, scenario.Stored("n1").Status);
        Assert.Single(scenario.Sender.Calls);
    }

    [Fact]
    public async Task Returns_duplicate_while_another_dispatcher_holds_a_live_lease()
    {
        var scenario = new DispatchScenario();
        var leaseUntil = scenario.Now + Duration.FromMinutes(1);
        scenario.Seed(DispatchScenario.Nudge("n1") with { Status = NudgeStatus.Sending, Attempts = 1, NextAttemptAt = leaseUntil });

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.Duplicate, outcome.Result);
        Assert.Equal(leaseUntil, outcome.RetryAt);
        Assert.Empty(scenario.Sender.Calls);
    }

    [Fact]
    public async Task Defers_to_the_dispatcher_that_claimed_a_sibling_first()
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("a"));
        scenario.Seed(DispatchScenario.Nudge("b"));
        var leaseUntil = scenario.Now + Duration.FromMinutes(2);

        // Another dispatcher, working on "a", claims it just before this one does.
        scenario.Nudges.ChangeBeforeNextUpdate("a", n => n with { Status = NudgeStatus.Sending, Attempts = 1, NextAttemptAt = leaseUntil });
        var outcome = await scenario.DispatchAsync("b");

        Assert.Equal(DispatchResult.Duplicate, outcome.Result);
        Assert.Equal(leaseUntil, outcome.RetryAt);
        Assert.Equal(NudgeStatus.Scheduled, scenario.Stored("b").Status);
        Assert.Equal(0, scenario.Stored("b").Attempts);
        Assert.Empty(scenario.Sender.Calls);
    }

    [Fact]
    public async Task Replays_a_crashed_send_under_the_same_idempotency_key_so_it_is_delivered_once()
    {
        var scenario = new DispatchScenario(sender: new RecordingEmailSender { DedupeByKey = true });
        scenario.Seed(DispatchScenario.Nudge("a"));
        scenario.Seed(DispatchScenario.Nudge("b"));
        using var crash = new CancellationTokenSource();

        // The process dies right after the provider accepted the message, before "sent" is recorded.
        scenario.Sender.OnSend = (_, _) =>
        {
            crash.Cancel();
            crash.Token.ThrowIfCancellationRequested();
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scenario.DispatchAsync("a", crash.Token));
        Assert.Equal(NudgeStatus.Sending, scenario.Stored("a").Status);
        scenario.Sender.OnSend = null;

        var whileLeased = await scenario.DispatchAsync("b");
        scenario.AdvanceTo(scenario.Stored("a").NextAttemptAt!.Value);
        var replay = await scenario.DispatchAsync("b");

        Assert.Equal(DispatchResult.Duplicate, whileLeased.Result);
        Assert.Equal(DispatchResult.Sent, replay.Result);
        var calls = scenario.Sender.Calls;
        Assert.Equal(2, calls.Count);
        Assert.Equal(calls[0].Key, calls[1].Key);
        Assert.Single(scenario.Sender.Delivered);
        Assert.All(new[] { "a", "b" }, id =>
        {
            Assert.Equal(NudgeStatus.Sent, scenario.Stored(id).Status);
            Assert.Equal(2, scenario.Stored(id).Attempts);
        });
    }

    [Fact]
    public async Task Fails_a_nudge_whose_dispatchers_kept_dying_once_attempts_are_exhausted()
    {
        var scenario = new DispatchScenario(new DispatchOptions { MaxAttempts = 3 });
        scenario.Seed(DispatchScenario.Nudge("n1") with { Status = NudgeStatus.Sending, Attempts = 3, NextAttemptAt = scenario.Now - Duration.FromSeconds(1) });

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.Failed, outcome.Result);
        Assert.Equal(NudgeStatus.Failed, scenario.Stored("n1").Status);
        Assert.Empty(scenario.Sender.Calls);
    }

    [Fact]
    public async Task Hands_the_claim_back_when_cancelled_before_the_send()
    {
        var scenario = new DispatchScenario();
        var seeded = scenario.Seed(DispatchScenario.Nudge("n1"));
        using var shutdown = new CancellationTokenSource();
        scenario.Renderer.OnRender = _ => shutdown.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scenario.DispatchAsync("n1", shutdown.Token));

        var stored = scenario.Stored("n1");
        Assert.Equal(seeded with { Version = stored.Version }, stored);
        Assert.Empty(scenario.Sender.Calls);
    }

    [Fact]
    public async Task Gives_up_with_retry_later_when_every_claim_meets_a_conflict()
    {
        var scenario = new DispatchScenario(new DispatchOptions { MaxConflictRetries = 3 });
        scenario.Seed(DispatchScenario.Nudge("n1"));
        scenario.Nudges.ChangeBeforeNextUpdate("n1", n => n with { SchedulerHandle = (n.SchedulerHandle ?? 0) + 1 }, times: 3);

        var outcome = await scenario.DispatchAsync("n1");

        Assert.Equal(DispatchResult.RetryLater, outcome.Result);
        Assert.Equal(3, scenario.Nudges.ConflictCount);
        Assert.Equal(NudgeStatus.Scheduled, scenario.Stored("n1").Status);
        Assert.Empty(scenario.Sender.Calls);
    }
}
