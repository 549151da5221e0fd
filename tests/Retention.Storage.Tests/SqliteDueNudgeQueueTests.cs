using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Scheduling;
using Retention.Storage.Sqlite;

namespace Retention.Storage.Tests;

/// <summary>The self-hosted due-queue on a real SQLite file.</summary>
public sealed class SqliteDueNudgeQueueTests : IDisposable
{
    private static readonly Instant Now = StoreTestData.Now;
    private static readonly Duration Lease = Duration.FromMinutes(2);
    private readonly SqliteTestFile _file = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteDueNudgeQueue _queue;
    private readonly SqliteNudgeStore _nudges;
    private readonly string _employer = StoreTestData.NewId("acme");

    public SqliteDueNudgeQueueTests()
    {
        _database = _file.Open();
        _queue = new SqliteDueNudgeQueue(_database);
        _nudges = new SqliteNudgeStore(_database);
    }

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Claim_returns_due_scheduled_nudges_oldest_first_and_nothing_else()
    {
        var (enrollment, _) = await SeedAsync();
        var late = await AddAsync(enrollment, "late", Now - Duration.FromMinutes(1));
        var early = await AddAsync(enrollment, "early", Now - Duration.FromHours(1));
        var exactlyNow = await AddAsync(enrollment, "now", Now);
        await AddAsync(enrollment, "future", Now + Duration.FromSeconds(1));
        await SetAsync(await AddAsync(enrollment, "cancelled", Now - Duration.FromHours(2)), n => n with { Status = NudgeStatus.Cancelled });
        await SetAsync(await AddAsync(enrollment, "sent", Now - Duration.FromHours(2)), n => n with { Status = NudgeStatus.Sent });
        await SetAsync(await AddAsync(enrollment, "failed", Now - Duration.FromHours(2)), n => n with { Status = NudgeStatus.Failed });

        var claimed = await _queue.ClaimDueAsync(Now, Lease, 10, Ct);

        Assert.Equal(new[] { early.Id, late.Id, exactlyNow.Id }, claimed.Select(c => c.NudgeId));
        Assert.All(claimed, c => Assert.Equal(_employer, c.EmployerId));
        Assert.All(claimed, c => Assert.Equal(Now + Lease, c.LeaseUntil));
        Assert.Equal(early.DueAt, claimed[0].DueAt);
        Assert.Single(claimed.Select(c => c.LeaseId).Distinct());
    }

    [Fact]
    public async Task Count_is_the_due_nudges_not_yet_sent_claimed_or_not()
    {
        var (enrollment, _) = await SeedAsync();
        await AddAsync(enrollment, "late", Now - Duration.FromMinutes(1));
        await AddAsync(enrollment, "early", Now - Duration.FromHours(1));
        await AddAsync(enrollment, "now", Now);
        await AddAsync(enrollment, "future", Now + Duration.FromSeconds(1));
        await SetAsync(await AddAsync(enrollment, "cancelled", Now - Duration.FromHours(2)), n => n with { Status = NudgeStatus.Cancelled });
        await SetAsync(await AddAsync(enrollment, "sent", Now - Duration.FromHours(2)), n => n with { Status = NudgeStatus.Sent });
        await _queue.ClaimDueAsync(Now, Lease, 1, Ct);

        Assert.Equal(3, await _queue.CountDueAsync(Now, Ct));
        Assert.Equal(4, await _queue.CountDueAsync(Now + Duration.FromSeconds(1), Ct));
    }

    [Fact]
    public async Task Claim_takes_at_most_max()
    {
        var (enrollment, _) = await SeedAsync();
        for (var i = 0; i < 5; i++)
        {
            await AddAsync(enrollment, "n" + i, Now - Duration.FromMinutes(i));
        }

        Assert.Equal(3, (await _queue.ClaimDueAsync(Now, Lease, 3, Ct)).Count);
        Assert.Equal(2, (await _queue.ClaimDueAsync(Now, Lease, 3, Ct)).Count);
        Assert.Empty(await _queue.ClaimDueAsync(Now, Lease, 3, Ct));
    }

    [Fact]
    public async Task A_leased_nudge_is_not_claimed_again_until_the_lease_expires()
    {
        var (enrollment, _) = await SeedAsync();
        var nudge = await AddAsync(enrollment, "lunch", Now - Duration.FromMinutes(1));
        var first = Assert.Single(await _queue.ClaimDueAsync(Now, Lease, 10, Ct));

        Assert.Empty(await _queue.ClaimDueAsync(Now + Lease - Duration.FromSeconds(1), Lease, 10, Ct));
        var second = Assert.Single(await _queue.ClaimDueAsync(Now + Lease, Lease, 10, Ct));

        Assert.Equal(nudge.Id, second.NudgeId);
        Assert.NotEqual(first.LeaseId, second.LeaseId);
    }

    [Fact]
    public async Task Release_frees_the_nudge_and_a_stale_release_is_a_no_op()
    {
        var (enrollment, _) = await SeedAsync();
        await AddAsync(enrollment, "lunch", Now - Duration.FromMinutes(1));
        var first = Assert.Single(await _queue.ClaimDueAsync(Now, Lease, 10, Ct));
        await _queue.ReleaseAsync(first, Ct);
        var second = Assert.Single(await _queue.ClaimDueAsync(Now, Lease, 10, Ct));

        await _queue.ReleaseAsync(first, Ct);

        Assert.Empty(await _queue.ClaimDueAsync(Now, Lease, 10, Ct));
        await _queue.ReleaseAsync(second, Ct);
        Assert.Single(await _queue.ClaimDueAsync(Now, Lease, 10, Ct));
    }

    [Fact]
    public async Task A_retry_waits_for_its_next_attempt_time()
    {
        var (enrollment, _) = await SeedAsync();
        var nudge = await AddAsync(enrollment, "lunch", Now - Duration.FromHours(1));
        await SetAsync(nudge, n => n with { Attempts = 1, NextAttemptAt = Now + Duration.FromMinutes(10), LastError = "421" });

        Assert.Empty(await _queue.ClaimDueAsync(Now, Lease, 10, Ct));
        var claimed = Assert.Single(await _queue.ClaimDueAsync(Now + Duration.FromMinutes(10), Lease, 10, Ct));
        Assert.Equal(nudge.Id, claimed.NudgeId);
    }

    [Fact]
    public async Task A_nudge_left_sending_by_a_crashed_dispatcher_is_claimed_after_its_lease_expires()
    {
        var (enrollment, _) = await SeedAsync();
        var nudge = await AddAsync(enrollment, "lunch", Now - Duration.FromMinutes(1));
        Assert.Single(await _queue.ClaimDueAsync(Now, Lease, 10, Ct));
        await SetAsync(nudge, n => n with { Status = NudgeStatus.Sending, Attempts = 1 });

        Assert.Empty(await _queue.ClaimDueAsync(Now + Duration.FromSeconds(30), Lease, 10, Ct));
        var reclaimed = Assert.Single(await _queue.ClaimDueAsync(Now + Lease, Lease, 10, Ct));

        Assert.Equal(nudge.Id, reclaimed.NudgeId);
    }

    [Fact]
    public async Task Scheduler_does_nothing_because_the_table_is_the_queue()
    {
        var (enrollment, _) = await SeedAsync();
        var nudge = await AddAsync(enrollment, "lunch", Now - Duration.FromMinutes(1));
        var scheduler = new SqliteNudgeScheduler();

        var scheduled = await scheduler.ScheduleAsync([nudge], Ct);
        await SetAsync(nudge, n => n with { Status = NudgeStatus.Cancelled });
        await scheduler.CancelAsync([nudge], Ct);

        Assert.Null(Assert.Single(scheduled).SchedulerHandle);
        Assert.Empty(await _queue.ClaimDueAsync(Now, Lease, 10, Ct));
    }

    public void Dispose() => _file.Dispose();

    private async Task<(Core.Enrollments.Enrollment Enrollment, bool Created)> SeedAsync() =>
        await new SqliteEnrollmentStore(_database).CreateAsync(StoreTestData.Enrollment(_employer), [], Ct);

    private async Task<Nudge> AddAsync(Core.Enrollments.Enrollment enrollment, string kind, Instant dueAt)
    {
        var nudge = StoreTestData.Nudge(enrollment, kind, dueAt);
        await _nudges.AddAsync([nudge], Ct);
        return (await _nudges.GetAsync(_employer, nudge.Id, Ct))!;
    }

    private async Task SetAsync(Nudge stored, Func<Nudge, Nudge> change)
    {
        var current = await _nudges.GetAsync(stored.EmployerId, stored.Id, Ct);
        Assert.NotNull(await _nudges.TryUpdateAsync(change(current!), Ct));
    }
}
