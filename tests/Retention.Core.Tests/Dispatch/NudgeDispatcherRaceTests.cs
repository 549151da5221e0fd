using Retention.Core.Dispatch;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Dispatch;

/// <summary>Many dispatchers at once, for real (thread pool), over the same nudges: each message goes out once.</summary>
public sealed class NudgeDispatcherRaceTests
{
    [Fact]
    public async Task Sends_each_merged_group_exactly_once_when_every_nudge_is_dispatched_twice_in_parallel()
    {
        var scenario = new DispatchScenario();
        const int groups = 60;
        var ids = new List<string>();
        for (var g = 0; g < groups; g++)
        {
            foreach (var kind in new[] { "first-day", "welcome-lunch", "local-events" })
            {
                var id = $"g{g}-{kind}";
                scenario.Seed(DispatchScenario.Nudge(id, messageKey: $"key-{g}", kind: kind));
                ids.Add(id);
            }
        }

        var work = ids.Concat(ids).OrderBy(_ => Random.Shared.Next()).ToList();
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<DispatchOutcome>();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
            outcomes.Add(await scenario.DispatchAsync(id, ct)));

        // Nudges that deferred to a live claim come back later (the queue re-offers them): nothing is left to send.
        foreach (var id in ids.Where(id => scenario.Stored(id).Status != NudgeStatus.Sent))
        {
            outcomes.Add(await scenario.DispatchAsync(id));
        }

        var calls = scenario.Sender.Calls;
        Assert.Equal(groups, calls.Count);
        Assert.Equal(groups, calls.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(calls, c => Assert.Equal("first-day, local-events, welcome-lunch", c.Message.Subject));
        Assert.All(ids, id => Assert.Equal(NudgeStatus.Sent, scenario.Stored(id).Status));
        Assert.DoesNotContain(outcomes, o => o.Result is DispatchResult.Failed or DispatchResult.RetryLater);
    }
}
