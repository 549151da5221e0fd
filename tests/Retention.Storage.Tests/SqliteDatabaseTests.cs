using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;
using Retention.Core.Journeys;
using Retention.Storage.Sqlite;

namespace Retention.Storage.Tests;

/// <summary>The SQLite file itself: schema migration, connection settings, and state surviving a restart.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly SqliteTestFile _file = new();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Migrate_creates_the_file_in_wal_mode_at_the_current_schema_version()
    {
        var database = _file.Open();

        await database.MigrateAsync(Ct);
        await _file.Open().MigrateAsync(Ct);

        Assert.True(File.Exists(_file.FilePath));
        await using var connection = await database.OpenConnectionAsync(Ct);
        Assert.Equal(SqliteDatabase.SchemaVersion, await connection.ExecuteScalarAsync<long>("PRAGMA user_version;"));
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;"));
        Assert.True(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;") > 0);
    }

    [Fact]
    public async Task A_pooled_connection_keeps_its_settings_when_opened_again()
    {
        var database = _file.Open();
        for (var open = 0; open < 3; open++)
        {
            // The settings are applied once per native connection; every later open of it must still have them.
            await using var connection = await database.OpenConnectionAsync(Ct);
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous;"));
            Assert.Equal(8000, await connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint;"));
            Assert.True(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;") > 0);
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;"));
        }
    }

    [Fact]
    public async Task Two_processes_migrating_at_once_apply_the_schema_once()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _file.Open().MigrateAsync(Ct))));

        await using var connection = await _file.Open().OpenConnectionAsync(Ct);
        Assert.Equal(SqliteDatabase.SchemaVersion, await connection.ExecuteScalarAsync<long>("PRAGMA user_version;"));
    }

    [Fact]
    public async Task Foreign_keys_reject_a_nudge_of_an_unknown_enrollment()
    {
        var store = new SqliteNudgeStore(_file.Open());
        var orphan = StoreTestData.Nudge(StoreTestData.Enrollment("acme"), "lunch", StoreTestData.Now);

        var error = await Assert.ThrowsAsync<SqliteException>(() => store.AddAsync([orphan], Ct));

        Assert.Equal(19, error.SqliteErrorCode);
    }

    [Fact]
    public async Task A_new_process_on_the_same_file_sees_enrollments_nudges_events_and_leases()
    {
        var before = _file.Open();
        var enrollment = StoreTestData.Enrollment("acme", externalId: "HR-restart");
        var nudges = StoreTestData.Journey(enrollment).Select(n => n with { DueAt = StoreTestData.Now - Duration.FromMinutes(1) }).ToList();
        await new SqliteEnrollmentStore(before).CreateAsync(enrollment, nudges, Ct);
        await new SqliteEventStore(before).AddCheckInAsync(StoreTestData.CheckIn(enrollment, StoreTestData.Now), Ct);
        var leased = await new SqliteDueNudgeQueue(before).ClaimDueAsync(StoreTestData.Now, Duration.FromMinutes(5), 2, Ct);
        SqliteConnection.ClearAllPools();

        var after = _file.Open();

        Assert.Equal(enrollment.Id, (await new SqliteEnrollmentStore(after).FindByExternalIdAsync("acme", "HR-restart", Ct))?.Id);
        Assert.Equal(4, (await new SqliteNudgeStore(after).GetJourneyAsync("acme", enrollment.Id, Ct)).Count);
        Assert.Single(await new SqliteEventStore(after).GetCheckInsAsync("acme", enrollment.Id, Ct));
        var queue = new SqliteDueNudgeQueue(after);
        var stillFree = await queue.ClaimDueAsync(StoreTestData.Now, Duration.FromMinutes(5), 10, Ct);
        Assert.Equal(2, stillFree.Count);
        Assert.Empty(stillFree.Select(c => c.NudgeId).Intersect(leased.Select(c => c.NudgeId)));
        var afterExpiry = await queue.ClaimDueAsync(StoreTestData.Now + Duration.FromMinutes(5), Duration.FromMinutes(5), 10, Ct);
        Assert.Equal(leased.Select(c => c.NudgeId).Order(), afterExpiry.Select(c => c.NudgeId).Where(leased.Select(l => l.NudgeId).Contains).Order());
    }

    [Fact]
    public async Task Stored_instants_keep_their_tick_precision()
    {
        var database = _file.Open();
        var enrollment = StoreTestData.Enrollment("acme");
        var due = Instant.FromUnixTimeTicks(StoreTestData.Now.ToUnixTimeTicks() + 1_234_567);
        var nudge = StoreTestData.Nudge(enrollment, "lunch", due) with { Status = NudgeStatus.Scheduled };
        await new SqliteEnrollmentStore(database).CreateAsync(enrollment, [nudge], Ct);

        var read = await new SqliteNudgeStore(database).GetAsync("acme", nudge.Id, Ct);

        Assert.Equal(due, read?.DueAt);
    }

    public void Dispose() => _file.Dispose();
}
