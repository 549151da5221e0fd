using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Maintenance;

namespace Retention.Storage.Tests;

public abstract partial class StoreContract
{
    protected abstract IStrandedNudgeQuery Stranded { get; }

    [SkippableFact]
    public async Task Stranded_query_lists_queued_nudges_firing_before_the_cutoff_earliest_first_across_employers()
    {
        Skip.If(QueriesUnavailableReason is not null, QueriesUnavailableReason);
        // Long before anything other tests store, so that a shared store's other nudges cannot come first.
        var t0 = Instant.FromUtc(2001, 3, 1, 9, 0) + Duration.FromMinutes(Random.Shared.Next(0, 60_000));
        var cutoff = t0 + Duration.FromHours(5);
        var a = StoreTestData.Enrollment(EmployerA);
        var b = StoreTestData.Enrollment(EmployerB);
        var scheduled = StoreTestData.Nudge(a, "welcome-lunch", t0 + Duration.FromHours(1));
        var leaseExpired = StoreTestData.Nudge(a, "first-fika", t0) with { Status = NudgeStatus.Sending, Attempts = 1, NextAttemptAt = t0 + Duration.FromHours(3) };
        var sent = StoreTestData.Nudge(a, "welcome-newcomer", t0, Audience.Newcomer) with { Status = NudgeStatus.Sent, SentAt = t0 };
        var retryAfterCutoff = StoreTestData.Nudge(a, "month-1-check-in", t0, Audience.Newcomer) with { Attempts = 1, NextAttemptAt = cutoff + Duration.FromHours(1) };
        var cancelled = StoreTestData.Nudge(a, "local-events", t0 + Duration.FromHours(1)) with { Status = NudgeStatus.Cancelled };
        var dueAfterCutoff = StoreTestData.Nudge(a, "norwegian-course", cutoff + Duration.FromMinutes(1));
        var otherEmployer = StoreTestData.Nudge(b, "welcome-lunch", t0 + Duration.FromHours(2));
        await CreateAsync(a, [scheduled, leaseExpired, sent, retryAfterCutoff, cancelled, dueAfterCutoff]);
        await CreateAsync(b, [otherEmployer]);

        var listed = (await Stranded.ListStrandedAsync(cutoff, 50, Ct))
            .Where(n => n.EmployerId == EmployerA || n.EmployerId == EmployerB)
            .ToList();

        Assert.Equal([scheduled.Id, otherEmployer.Id, leaseExpired.Id], listed.Select(n => n.Id));
        AssertSameNudge(leaseExpired, listed[2]);
        Assert.All(listed, n => Assert.NotEqual("", n.Version));

        var first = await Stranded.ListStrandedAsync(cutoff, 1, Ct);
        Assert.Equal(scheduled.Id, Assert.Single(first).Id);
    }

    [SkippableFact]
    public async Task Stranded_query_no_longer_lists_a_nudge_once_it_is_sent_or_its_firing_time_moves_past_the_cutoff()
    {
        Skip.If(QueriesUnavailableReason is not null, QueriesUnavailableReason);
        var t0 = Instant.FromUtc(2001, 6, 1, 9, 0) + Duration.FromMinutes(Random.Shared.Next(0, 60_000));
        var cutoff = t0 + Duration.FromHours(5);
        var a = StoreTestData.Enrollment(EmployerA);
        var toSend = StoreTestData.Nudge(a, "welcome-lunch", t0);
        var toRetry = StoreTestData.Nudge(a, "first-fika", t0 + Duration.FromHours(1));
        await CreateAsync(a, [toSend, toRetry]);
        var before = (await Stranded.ListStrandedAsync(cutoff, 50, Ct)).Where(n => n.EmployerId == EmployerA).ToList();
        Assert.Equal(2, before.Count);

        Assert.NotNull(await Nudges.TryUpdateAsync(before.Single(n => n.Id == toSend.Id) with { Status = NudgeStatus.Sent, SentAt = t0 }, Ct));
        Assert.NotNull(await Nudges.TryUpdateAsync(before.Single(n => n.Id == toRetry.Id) with { NextAttemptAt = cutoff + Duration.FromSeconds(1) }, Ct));

        Assert.DoesNotContain(await Stranded.ListStrandedAsync(cutoff, 50, Ct), n => n.EmployerId == EmployerA);
    }
}
