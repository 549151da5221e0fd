using Dapper;
using Microsoft.Data.Sqlite;
using Retention.Core.Journeys;
using Retention.Storage.Sqlite;

namespace Retention.Storage.Tests;

/// <summary>
/// The group commit: writes queued while a transaction runs are committed together in the next one, each in its
/// own savepoint, and every write still behaves as if it had its own transaction.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly SqliteTestFile _file = new();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task A_failing_write_is_rolled_back_alone_and_the_rest_of_its_batch_commits()
    {
        var database = _file.Open();
        await database.MigrateAsync(Ct);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Hold the writer so that the three writes below queue up and go in one transaction.
        var holder = database.WriteAsync(async (_, _) => { await gate.Task; return 0; }, Ct);
        var first = database.WriteAsync((c, t) => InsertKeyAsync(c, t, "k1"), Ct);
        var failing = database.WriteAsync<int>(async (c, t) =>
        {
            await InsertKeyAsync(c, t, "k2");
            throw new InvalidOperationException("boom");
        }, Ct);
        var third = database.WriteAsync((c, t) => InsertKeyAsync(c, t, "k3"), Ct);
        gate.SetResult();

        await holder;
        Assert.Equal(1, await first);
        Assert.Equal(1, await third);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("boom", error.Message);
        Assert.Equal(["k1", "k3"], await KeysAsync(database));
    }

    [Fact]
    public async Task A_write_whose_caller_gave_up_before_it_started_is_not_written()
    {
        var database = _file.Open();
        await database.MigrateAsync(Ct);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = database.WriteAsync(async (_, _) => { await gate.Task; return 0; }, Ct);
        using var cancel = new CancellationTokenSource();
        var abandoned = database.WriteAsync((c, t) => InsertKeyAsync(c, t, "k1"), cancel.Token);
        await cancel.CancelAsync();
        gate.SetResult();

        await holder;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Empty(await KeysAsync(database));
    }

    [Fact]
    public async Task A_write_is_visible_to_a_new_connection_once_its_task_completes()
    {
        var database = _file.Open();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => database.WriteAsync((c, t) => InsertKeyAsync(c, t, "k" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)), Ct)));

        Assert.Equal(40, (await KeysAsync(_file.Open())).Count);
    }

    [Fact]
    public async Task Concurrent_compare_and_sets_on_one_nudge_batched_together_let_exactly_one_win()
    {
        var database = _file.Open();
        var enrollments = new SqliteEnrollmentStore(database);
        var nudges = new SqliteNudgeStore(database);
        var enrollment = StoreTestData.Enrollment("acme");
        var (_, created) = await enrollments.CreateAsync(enrollment, StoreTestData.Journey(enrollment), Ct);
        Assert.True(created);
        var nudge = (await nudges.GetJourneyAsync("acme", enrollment.Id, Ct))[0];

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            nudges.TryUpdateAsync(nudge with { Status = NudgeStatus.Sending, Attempts = i + 1 }, Ct)));

        var winner = Assert.Single(results, r => r is not null);
        var stored = await nudges.GetAsync("acme", nudge.Id, Ct);
        Assert.Equal(winner!.Attempts, stored!.Attempts);
        Assert.Equal(winner.Version, stored.Version);
    }

    [Fact]
    public async Task Concurrent_enrolments_each_commit_with_their_whole_journey()
    {
        var database = _file.Open();
        var enrollments = new SqliteEnrollmentStore(database);
        var nudges = new SqliteNudgeStore(database);
        var batch = Enumerable.Range(0, 30).Select(i => StoreTestData.Enrollment("acme", externalId: "HR-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        // Two of them share an external id: one creates, the other gets the stored one back.
        batch.Add(StoreTestData.Enrollment("acme", externalId: "HR-0"));

        var results = await Task.WhenAll(batch.Select(e => enrollments.CreateAsync(e, StoreTestData.Journey(e), Ct)));

        Assert.Equal(30, results.Count(r => r.Created));
        foreach (var (stored, _) in results)
        {
            Assert.Equal(4, (await nudges.GetJourneyAsync("acme", stored.Id, Ct)).Count);
        }
    }

    public void Dispose() => _file.Dispose();

    private static Task<int> InsertKeyAsync(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO api_keys (id, employer_id, hash, created_at) VALUES (@id, 'acme', 'h', 0);", new { id }, transaction));

    private static async Task<List<string>> KeysAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync(Ct);
        return (await connection.QueryAsync<string>("SELECT id FROM api_keys ORDER BY id;")).ToList();
    }
}
