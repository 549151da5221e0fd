using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Messaging;

namespace Retention.Core.Tests.Messaging;

public sealed class ScheduleBatchesTests
{
    private static readonly Instant Monday = Instant.FromUtc(2027, 3, 1, 8, 0);

    private static Nudge NudgeAt(int index, Instant dueAt, Instant? nextAttemptAt = null) => new()
    {
        Id = $"n-{index}", EmployerId = "emp-1", EnrollmentId = "e-1", Kind = "kind", Audience = Audience.Newcomer,
        DueAt = dueAt, Reason = "r", MessageKey = "k", PlanRevision = 1, NextAttemptAt = nextAttemptAt,
    };

    [Fact]
    public void Nudges_at_different_times_go_in_different_batches_in_time_order()
    {
        var nudges = new[] { NudgeAt(1, Monday + Duration.FromDays(2)), NudgeAt(2, Monday), NudgeAt(3, Monday + Duration.FromDays(2)) };

        var batches = ScheduleBatches.Split(nudges);

        Assert.Equal([Monday, Monday + Duration.FromDays(2)], batches.Select(b => b.EnqueueAt));
        Assert.Equal(["n-2"], batches[0].Nudges.Select(n => n.Id));
        Assert.Equal(["n-1", "n-3"], batches[1].Nudges.Select(n => n.Id));
    }

    [Fact]
    public void A_retry_fires_at_its_next_attempt_time()
    {
        var retry = NudgeAt(1, Monday, Monday + Duration.FromMinutes(5));

        Assert.Equal(Monday + Duration.FromMinutes(5), Assert.Single(ScheduleBatches.Split([retry])).EnqueueAt);
    }

    [Fact]
    public void Count_limit_cuts_one_time_into_several_batches()
    {
        var nudges = Enumerable.Range(0, 250).Select(i => NudgeAt(i, Monday)).ToList();

        var batches = ScheduleBatches.Split(nudges);

        Assert.Equal([100, 100, 50], batches.Select(b => b.Nudges.Count));
        Assert.Equal(nudges.Select(n => n.Id), batches.SelectMany(b => b.Nudges).Select(n => n.Id));
    }

    [Fact]
    public void Size_limit_cuts_batches_before_the_count_limit()
    {
        var nudges = Enumerable.Range(0, 10).Select(i => NudgeAt(i, Monday)).ToList();
        var size = ScheduleBatches.EstimatedSize(NudgeMessage.For(nudges[0]));

        var batches = ScheduleBatches.Split(nudges, new ScheduleBatchLimits(MaxMessages: 100, MaxBytes: (size * 3) + 1));

        Assert.Equal([3, 3, 3, 1], batches.Select(b => b.Nudges.Count));
    }

    [Fact]
    public void A_message_larger_than_the_size_limit_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ScheduleBatches.Split([NudgeAt(1, Monday)], new ScheduleBatchLimits(MaxBytes: 10)));
    }

    [Fact]
    public void Messages_match_their_nudges_one_to_one()
    {
        var batch = Assert.Single(ScheduleBatches.Split([NudgeAt(1, Monday), NudgeAt(2, Monday)]));

        Assert.Equal(batch.Nudges.Select(NudgeMessage.For), batch.Messages);
    }

    [Fact]
    public void No_nudges_give_no_batches()
    {
        Assert.Empty(ScheduleBatches.Split([]));
    }

    [Property]
    public Property Every_nudge_lands_in_exactly_one_batch_within_the_limits() =>
        Prop.ForAll(
            Gen.Choose(0, 5).ArrayOf().Where(a => a.Length <= 400).ToArbitrary(),
            Gen.Choose(1, 120).ToArbitrary(),
            (dayOffsets, maxMessages) =>
            {
                var nudges = dayOffsets.Select((d, i) => NudgeAt(i, Monday + Duration.FromDays(d))).ToList();
                var batches = ScheduleBatches.Split(nudges, new ScheduleBatchLimits(MaxMessages: maxMessages));
                var ids = batches.SelectMany(b => b.Nudges).Select(n => n.Id).ToList();
                return ids.Count == nudges.Count
                    && ids.ToHashSet().SetEquals(nudges.Select(n => n.Id))
                    && batches.All(b => b.Nudges.Count is > 0 && b.Nudges.Count <= maxMessages && b.Nudges.All(n => ScheduleBatches.FireAt(n) == b.EnqueueAt))
                    && batches.Zip(batches.Skip(1)).All(p => p.First.EnqueueAt <= p.Second.EnqueueAt);
            });
}
