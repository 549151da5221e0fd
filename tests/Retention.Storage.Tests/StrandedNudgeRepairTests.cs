using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Retention.Core.Application;
using Retention.Core.Journeys;
using Retention.Core.Maintenance;
using Retention.Storage.Sqlite;

namespace Retention.Storage.Tests;

/// <summary>The housekeeping repair of nudges whose scheduled message was lost, over a real SQLite file.</summary>
public sealed class StrandedNudgeRepairTests : IDisposable
{
    private static readonly Instant Now = StoreTestData.Now;
    private readonly SqliteTestFile _file = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteNudgeStore _nudges;
    private readonly ScheduledMessageRecorder _scheduler = new();
    private readonly FakeTimeProvider _time = new(Now.ToDateTimeOffset());

    public StrandedNudgeRepairTests()
    {
        _database = _file.Open();
        _nudges = new SqliteNudgeStore(_database);
    }

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task A_nudge_past_its_firing_time_by_more_than_the_grace_is_scheduled_again_now_and_keeps_its_status()
    {
        var enrollment = StoreTestData.Enrollment("acme");
        var lost = StoreTestData.Nudge(enrollment, "welcome-lunch", Now - Duration.FromHours(3)) with { SchedulerHandle = 7 };
        var leaseExpired = StoreTestData.Nudge(enrollment, "first-fika", Now - Duration.FromDays(1)) with
        {
            Status = NudgeStatus.Sending, Attempts = 2, NextAttemptAt = Now - Duration.FromHours(2),
        };
        var withinGrace = StoreTestData.Nudge(enrollment, "local-events", Now - Duration.FromMinutes(30));
        var sent = StoreTestData.Nudge(enrollment, "welcome-newcomer", Now - Duration.FromDays(2), Audience.Newcomer) with { Status = NudgeStatus.Sent };
        var future = StoreTestData.Nudge(enrollment, "month-3-check-in", Now + Duration.FromDays(80), Audience.Newcomer);
        await CreateAsync(enrollment, lost, leaseExpired, withinGrace, sent, future);

        await Repair().RunAsync(CancellationToken.None);

        Assert.Equal([lost.Id, leaseExpired.Id], _scheduler.Scheduled.Select(n => n.Id));
        Assert.All(_scheduler.Scheduled, n => Assert.Equal(Now, n.NextAttemptAt));
        var stored = await _nudges.GetJourneyAsync("acme", enrollment.Id, CancellationToken.None);
        var repairedLost = stored.Single(n => n.Id == lost.Id);
        Assert.Equal(NudgeStatus.Scheduled, repairedLost.Status);
        Assert.Equal(_scheduler.Scheduled.Single(n => n.Id == lost.Id).SchedulerHandle, repairedLost.SchedulerHandle);
        Assert.NotEqual(7, repairedLost.SchedulerHandle);
        var repairedSending = stored.Single(n => n.Id == leaseExpired.Id);
        Assert.Equal((NudgeStatus.Sending, 2, (Instant?)Now), (repairedSending.Status, repairedSending.Attempts, repairedSending.NextAttemptAt));
        foreach (var untouched in new[] { withinGrace, sent, future })
        {
            Assert.Equal(untouched with { Version = "" }, stored.Single(n => n.Id == untouched.Id) with { Version = "" });
        }
    }

    [Fact]
    public async Task A_second_run_schedules_nothing_again_until_the_new_message_is_itself_overdue_by_the_grace()
    {
        var enrollment = StoreTestData.Enrollment("acme");
        var lost = StoreTestData.Nudge(enrollment, "welcome-lunch", Now - Duration.FromHours(3));
        await CreateAsync(enrollment, lost);
        var repair = Repair();

        await repair.RunAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(59));
        await repair.RunAsync(CancellationToken.None);
        Assert.Single(_scheduler.Scheduled);

        // The repaired message was lost too: an hour and more later it is repaired once more.
        _time.Advance(TimeSpan.FromMinutes(2));
        await repair.RunAsync(CancellationToken.None);
        Assert.Equal(2, _scheduler.Scheduled.Count);
    }

    [Fact]
    public async Task Two_instances_running_at_once_schedule_each_stranded_nudge_once()
    {
        var enrollment = StoreTestData.Enrollment("acme");
        var stranded = Enumerable.Range(0, 60)
            .Select(i => StoreTestData.Nudge(enrollment, "kind-" + i, Now - Duration.FromHours(2) - Duration.FromMinutes(i)))
            .ToArray();
        await CreateAsync(enrollment, stranded);

        await Task.WhenAll(Task.Run(() => Repair(batchSize: 7).RunAsync(CancellationToken.None)), Task.Run(() => Repair(batchSize: 7).RunAsync(CancellationToken.None)));

        Assert.Equal(stranded.Select(n => n.Id).Order(StringComparer.Ordinal), _scheduler.Scheduled.Select(n => n.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task One_run_repairs_at_most_the_configured_number_and_the_next_run_goes_on()
    {
        var enrollment = StoreTestData.Enrollment("acme");
        var stranded = Enumerable.Range(0, 25)
            .Select(i => StoreTestData.Nudge(enrollment, "kind-" + i, Now - Duration.FromDays(1) + Duration.FromMinutes(i)))
            .ToArray();
        await CreateAsync(enrollment, stranded);

        await Repair(batchSize: 4, maxPerRun: 10).RunAsync(CancellationToken.None);
        Assert.Equal(stranded.Take(10).Select(n => n.Id), _scheduler.Scheduled.Select(n => n.Id));

        await Repair(batchSize: 4, maxPerRun: 100).RunAsync(CancellationToken.None);
        Assert.Equal(stranded.Select(n => n.Id), _scheduler.Scheduled.Select(n => n.Id));
    }

    private StrandedNudgeRepair Repair(int batchSize = 100, int maxPerRun = 5_000) => new(
        new SqliteStrandedNudgeQuery(_database),
        _nudges,
        _scheduler,
        new RetentionClock(_time),
        Options.Create(new StrandedNudgeRepairOptions { BatchSize = batchSize, MaxPerRun = maxPerRun }),
        NullLogger<StrandedNudgeRepair>.Instance);

    private async Task CreateAsync(Core.Enrollments.Enrollment enrollment, params Nudge[] nudges)
    {
        var (_, created) = await new SqliteEnrollmentStore(_database).CreateAsync(enrollment, nudges, CancellationToken.None);
        Assert.True(created);
    }
}
