using NodaTime;
using Retention.Core.Journeys;
using Retention.Testing.Fakes;

namespace Retention.Core.Tests.Dispatch;

/// <summary>The shared fakes keep the real stores' rules, so tests built on them mean something.</summary>
public sealed class InMemoryFakesTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 4, 8, 0);

    [Fact]
    public async Task Nudge_store_updates_only_from_the_current_version()
    {
        var store = new InMemoryNudgeStore();
        await store.AddAsync([DispatchScenario.Nudge("n1")], CancellationToken.None);
        var stored = (await store.GetAsync("acme", "n1", CancellationToken.None))!;

        var first = await store.TryUpdateAsync(stored with { Attempts = 1 }, CancellationToken.None);
        var stale = await store.TryUpdateAsync(stored with { Attempts = 2 }, CancellationToken.None);

        Assert.NotNull(first);
        Assert.NotEqual(stored.Version, first.Version);
        Assert.Null(stale);
        Assert.Equal(1, store.Get("acme", "n1").Attempts);
    }

    [Fact]
    public async Task Nudge_store_keeps_employers_apart_and_adds_idempotently()
    {
        var store = new InMemoryNudgeStore();
        await store.AddAsync([DispatchScenario.Nudge("n1")], CancellationToken.None);
        await store.AddAsync([DispatchScenario.Nudge("n1") with { Kind = "changed" }], CancellationToken.None);

        Assert.Null(await store.GetAsync("globex", "n1", CancellationToken.None));
        Assert.Empty(await store.GetJourneyAsync("globex", DispatchScenario.EnrollmentId, CancellationToken.None));
        Assert.Equal("welcome-lunch", store.Get("acme", "n1").Kind);
    }

    [Fact]
    public async Task Queue_claims_due_nudges_once_per_lease_and_again_after_release_or_expiry()
    {
        var store = new InMemoryNudgeStore();
        store.Seed(DispatchScenario.Nudge("due") with { DueAt = Now }, DispatchScenario.Nudge("future") with { DueAt = Now + Duration.FromHours(1) });
        var queue = new InMemoryDueNudgeQueue(store);

        var first = await queue.ClaimDueAsync(Now, Duration.FromMinutes(5), 10, CancellationToken.None);
        var whileLeased = await queue.ClaimDueAsync(Now, Duration.FromMinutes(5), 10, CancellationToken.None);
        var afterExpiry = await queue.ClaimDueAsync(Now + Duration.FromMinutes(5), Duration.FromMinutes(5), 10, CancellationToken.None);
        await queue.ReleaseAsync(first[0], CancellationToken.None); // an old lease: must not free the new claim
        var afterStaleRelease = await queue.ClaimDueAsync(Now + Duration.FromMinutes(6), Duration.FromMinutes(5), 10, CancellationToken.None);
        await queue.ReleaseAsync(afterExpiry.Single(d => d.NudgeId == "due"), CancellationToken.None);
        var afterRelease = await queue.ClaimDueAsync(Now + Duration.FromMinutes(6), Duration.FromMinutes(5), 10, CancellationToken.None);

        Assert.Equal("due", Assert.Single(first).NudgeId);
        Assert.Empty(whileLeased);
        Assert.Equal("due", Assert.Single(afterExpiry).NudgeId);
        Assert.Empty(afterStaleRelease);
        Assert.Equal("due", Assert.Single(afterRelease).NudgeId);
    }

    [Fact]
    public async Task Queue_offers_a_crashed_sending_nudge_only_after_its_send_lease_and_never_a_sent_one()
    {
        var store = new InMemoryNudgeStore();
        store.Seed(
            DispatchScenario.Nudge("sending") with { DueAt = Now, Status = NudgeStatus.Sending, NextAttemptAt = Now + Duration.FromMinutes(2) },
            DispatchScenario.Nudge("sent") with { DueAt = Now, Status = NudgeStatus.Sent });
        var queue = new InMemoryDueNudgeQueue(store);

        var before = await queue.ClaimDueAsync(Now, Duration.FromMinutes(5), 10, CancellationToken.None);
        var after = await queue.ClaimDueAsync(Now + Duration.FromMinutes(2), Duration.FromMinutes(5), 10, CancellationToken.None);

        Assert.Empty(before);
        Assert.Equal("sending", Assert.Single(after).NudgeId);
    }
}
