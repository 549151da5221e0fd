using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Journeys;
using Retention.Testing.Fakes;

namespace Retention.Core.Tests.Dispatch;

/// <summary>
/// A dispatcher dies between any two writes of a merged group; the one that takes over after the lease sends each
/// nudge once, in one message, under one key: the key pinned on the group at its claim decides what is replayed.
/// </summary>
public sealed class NudgeDispatcherTakeoverTests
{
    [Fact]
    public async Task A_claim_cut_short_by_a_crash_is_claimed_again_with_its_siblings_and_sent_as_one_message()
    {
        var scenario = Merged();
        scenario.Nudges.CrashBefore = n => n.Id == "b" && n.Status == NudgeStatus.Sending;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => scenario.DispatchAsync("a"));
        Assert.Equal(NudgeStatus.Sending, scenario.Stored("a").Status);
        Assert.Equal(NudgeStatus.Scheduled, scenario.Stored("b").Status);
        Assert.Empty(scenario.Sender.Calls);

        scenario.AdvanceTo(scenario.Stored("a").NextAttemptAt!.Value);
        var outcome = await scenario.DispatchAsync("b");

        Assert.Equal(DispatchResult.Sent, outcome.Result);
        var call = Assert.Single(scenario.Sender.Calls);
        Assert.Equal("first-day, welcome-lunch", call.Message.Subject);
        Assert.Equal(MessageIdempotencyKey.For(DispatchScenario.EmployerId, [scenario.Stored("a"), scenario.Stored("b")]), call.Key);
        Assert.All(new[] { "a", "b" }, id =>
        {
            Assert.Equal(NudgeStatus.Sent, scenario.Stored(id).Status);
            Assert.Equal(call.Key, scenario.Stored(id).IdempotencyKey);
        });
    }

    [Fact]
    public async Task A_message_sent_before_a_crash_half_way_through_marking_it_is_recorded_not_sent_again()
    {
        var scenario = Merged();
        scenario.Nudges.CrashBefore = n => n.Id == "b" && n.Status == NudgeStatus.Sent;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => scenario.DispatchAsync("a"));
        var sentAt = scenario.Stored("a").SentAt;
        Assert.NotNull(sentAt);
        Assert.Equal(NudgeStatus.Sending, scenario.Stored("b").Status);

        scenario.AdvanceTo(scenario.Stored("b").NextAttemptAt!.Value + Duration.FromMinutes(5));
        var outcome = await scenario.DispatchAsync("b");

        Assert.Equal(DispatchResult.Sent, outcome.Result);
        var call = Assert.Single(scenario.Sender.Calls);
        Assert.Equal("first-day, welcome-lunch", call.Message.Subject);
        Assert.Equal(NudgeStatus.Sent, scenario.Stored("b").Status);
        Assert.Equal(sentAt, scenario.Stored("b").SentAt);
        Assert.Equal(call.Key, scenario.Stored("b").IdempotencyKey);
    }

    [Fact]
    public async Task A_message_whose_send_outcome_was_lost_is_replayed_under_its_pinned_key_even_after_a_sibling_joined()
    {
        var scenario = new DispatchScenario(sender: new RecordingEmailSender { DedupeByKey = true });
        scenario.Seed(DispatchScenario.Nudge("a", kind: "first-day"));
        scenario.Seed(DispatchScenario.Nudge("b", kind: "welcome-lunch"));
        scenario.Nudges.CrashBefore = n => n.Status == NudgeStatus.Sent;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => scenario.DispatchAsync("a"));

        // A re-plan adds a nudge to the same person-day while the crashed claim waits for its lease.
        scenario.Seed(DispatchScenario.Nudge("c", kind: "local-events") with { PlanRevision = 1 });
        scenario.AdvanceTo(scenario.Stored("a").NextAttemptAt!.Value);
        var outcome = await scenario.DispatchAsync("c");

        Assert.Equal(DispatchResult.Sent, outcome.Result);
        var calls = scenario.Sender.Calls;
        Assert.Equal(3, calls.Count);
        Assert.Equal(calls[0].Key, calls[1].Key);
        Assert.Equal("first-day, welcome-lunch", calls[1].Message.Subject);
        Assert.Equal("local-events", calls[2].Message.Subject);
        Assert.Equal(2, scenario.Sender.Delivered.Count);
        Assert.All(new[] { "a", "b", "c" }, id => Assert.Equal(NudgeStatus.Sent, scenario.Stored(id).Status));
    }

    [Fact]
    public async Task A_sibling_that_changes_during_the_claim_hands_every_claim_back_and_the_group_is_decided_again()
    {
        var scenario = Merged();
        scenario.Nudges.ChangeBeforeNextUpdate("b", n => n with { Status = NudgeStatus.Cancelled, LastError = "re-planned" });

        var outcome = await scenario.DispatchAsync("a");

        Assert.Equal(DispatchResult.Sent, outcome.Result);
        var call = Assert.Single(scenario.Sender.Calls);
        Assert.Equal("first-day", call.Message.Subject);
        Assert.Equal(MessageIdempotencyKey.For(DispatchScenario.EmployerId, [scenario.Stored("a")]), call.Key);
        Assert.Equal(NudgeStatus.Cancelled, scenario.Stored("b").Status);
        Assert.Null(scenario.Stored("b").IdempotencyKey);
    }

    [Fact]
    public async Task A_retry_after_a_transient_failure_clears_the_pinned_key_so_a_new_group_gets_its_own()
    {
        var scenario = new DispatchScenario(sender: new RecordingEmailSender().Then(Core.Email.EmailSendResult.Transient("421 try later")));
        scenario.Seed(DispatchScenario.Nudge("a", kind: "first-day"));

        var first = await scenario.DispatchAsync("a");
        Assert.Equal(DispatchResult.RetryLater, first.Result);
        Assert.Null(scenario.Stored("a").IdempotencyKey);

        scenario.Seed(DispatchScenario.Nudge("b", kind: "welcome-lunch"));
        scenario.AdvanceTo(first.RetryAt!.Value);
        var second = await scenario.DispatchAsync("a");

        Assert.Equal(DispatchResult.Sent, second.Result);
        var calls = scenario.Sender.Calls;
        Assert.Equal(2, calls.Count);
        Assert.NotEqual(calls[0].Key, calls[1].Key);
        Assert.Equal("first-day, welcome-lunch", calls[1].Message.Subject);
    }

    private static DispatchScenario Merged()
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("a", kind: "first-day"));
        scenario.Seed(DispatchScenario.Nudge("b", kind: "welcome-lunch"));
        return scenario;
    }
}
