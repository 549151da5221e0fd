using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Messaging;

namespace Retention.Core.Tests.Messaging;

public sealed class SettleDecisionTests
{
    private static readonly Instant RetryAt = Instant.FromUtc(2027, 3, 4, 8, 5);

    public static TheoryData<DispatchResult, SettleAction> Table => new()
    {
        { DispatchResult.Sent, SettleAction.Complete },
        { DispatchResult.Duplicate, SettleAction.Reschedule },
        { DispatchResult.Skipped, SettleAction.Complete },
        { DispatchResult.NotFound, SettleAction.DeadLetter },
        { DispatchResult.Throttled, SettleAction.Reschedule },
        { DispatchResult.RetryLater, SettleAction.Reschedule },
        { DispatchResult.Failed, SettleAction.DeadLetter },
    };

    [Fact]
    public void The_table_covers_every_dispatch_result()
    {
        var covered = Table.Select(row => (DispatchResult)row[0]).ToHashSet();

        Assert.Equal(Enum.GetValues<DispatchResult>().ToHashSet(), covered);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Maps_each_result_with_a_retry_time_to_its_action(DispatchResult result, SettleAction expected)
    {
        var decision = SettleDecision.For(new DispatchOutcome(result, RetryAt, "detail"));

        Assert.Equal(expected, decision.Action);
        Assert.Equal(expected == SettleAction.Reschedule ? RetryAt : null, decision.RescheduleAt);
        Assert.Equal(expected == SettleAction.DeadLetter, decision.DeadLetterReason is not null);
    }

    [Theory]
    [InlineData(DispatchResult.Throttled)]
    [InlineData(DispatchResult.RetryLater)]
    public void Retry_without_a_retry_time_throws_to_let_service_bus_redeliver(DispatchResult result)
    {
        Assert.Equal(SettleDecision.Throw, SettleDecision.For(new DispatchOutcome(result)));
    }

    [Theory]
    [InlineData(DispatchResult.Sent)]
    [InlineData(DispatchResult.Skipped)]
    public void Completion_ignores_a_stray_retry_time(DispatchResult result)
    {
        Assert.Equal(SettleDecision.Complete, SettleDecision.For(new DispatchOutcome(result, RetryAt)));
    }

    [Fact]
    public void A_duplicate_already_sent_completes()
    {
        Assert.Equal(SettleDecision.Complete, SettleDecision.For(new DispatchOutcome(DispatchResult.Duplicate)));
    }

    [Fact]
    public void A_duplicate_in_flight_elsewhere_is_checked_again_when_the_lease_ends()
    {
        var decision = SettleDecision.For(new DispatchOutcome(DispatchResult.Duplicate, RetryAt, "its message is being sent by another dispatcher"));

        Assert.Equal(SettleAction.Reschedule, decision.Action);
        Assert.Equal(RetryAt, decision.RescheduleAt);
    }

    [Fact]
    public void Not_found_is_dead_lettered_with_its_reason_and_the_detail()
    {
        var decision = SettleDecision.For(new DispatchOutcome(DispatchResult.NotFound, Detail: "nudge n-1 missing"));

        Assert.Equal(SettleDecision.NudgeNotFoundReason, decision.DeadLetterReason);
        Assert.Equal("nudge n-1 missing", decision.DeadLetterDescription);
    }

    [Fact]
    public void Failed_is_dead_lettered_with_a_default_description_when_none_is_given()
    {
        var decision = SettleDecision.For(new DispatchOutcome(DispatchResult.Failed));

        Assert.Equal(SettleDecision.NudgeFailedReason, decision.DeadLetterReason);
        Assert.False(string.IsNullOrWhiteSpace(decision.DeadLetterDescription));
    }

    [Fact]
    public void Invalid_payload_is_dead_lettered_with_the_parse_error()
    {
        var decision = SettleDecision.ForInvalidPayload("planRevision is negative.");

        Assert.Equal(SettleAction.DeadLetter, decision.Action);
        Assert.Equal(SettleDecision.InvalidPayloadReason, decision.DeadLetterReason);
        Assert.Equal("planRevision is negative.", decision.DeadLetterDescription);
    }

    [Fact]
    public void Long_descriptions_are_cut_to_the_limit()
    {
        var decision = SettleDecision.For(new DispatchOutcome(DispatchResult.Failed, Detail: new string('x', 5000)));

        Assert.Equal(SettleDecision.MaxDescriptionLength, decision.DeadLetterDescription!.Length);
    }

    [Fact]
    public void An_unknown_result_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SettleDecision.For(new DispatchOutcome((DispatchResult)99)));
    }
}
