using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;
using Retention.Core.Journeys;
using Retention.Storage.Sqlite;

namespace Retention.Storage.Tests;

/// <summary>Failed nudges of every audience on the dashboard: read, counted, moving the change stamp, through the v6 index.</summary>
public sealed partial class SqliteRetentionRecordSourceTests
{
    private const string OldDashboardIndex =
        """
        CREATE INDEX ix_nudges_dashboard ON nudges (employer_id, enrollment_id, due_at)
        WHERE audience = 'Ildsjel' OR (audience = 'Newcomer' AND kind = 'check-in') OR (follows_up IS NOT NULL AND status = 'Acted');
        """;

    /// <summary>
    /// Undoes schema v8 (regions and employer settings) and v7 (the status_reason column and the unsubscribes table), for
    /// files made to look older.
    /// </summary>
    private const string UndoV7 =
        "DROP TABLE regions; DROP TABLE region_municipalities; DROP TABLE region_feeds; DROP TABLE employer_settings; "
        + "ALTER TABLE nudges DROP COLUMN status_reason; DROP TABLE unsubscribes; ";

    [Fact]
    public async Task Failed_nudges_of_every_audience_are_read_and_counted_and_nothing_else_is()
    {
        var enrollment = StoreTestData.Enrollment(_employerA);
        var welcome = StoreTestData.Nudge(enrollment, "welcome-newcomer", StoreTestData.Now + Duration.FromDays(1), Audience.Newcomer);
        var hr = StoreTestData.Nudge(enrollment, "hr-first-week", StoreTestData.Now + Duration.FromDays(3), Audience.Hr);
        var lunch = StoreTestData.Nudge(enrollment, "welcome-lunch", StoreTestData.Now + Duration.FromDays(2));
        var events = StoreTestData.Nudge(enrollment, "local-events", StoreTestData.Now + Duration.FromDays(9), Audience.Newcomer);
        var cancelled = StoreTestData.Nudge(enrollment, "seventeenth-may", StoreTestData.Now + Duration.FromDays(60), Audience.Newcomer);
        await _enrollments.CreateAsync(enrollment, [welcome, hr, lunch, events, cancelled], Ct);
        await SetAsync(_employerA, welcome.Id, Failed);
        await SetAsync(_employerA, hr.Id, Failed);
        await SetAsync(_employerA, lunch.Id, n => n with { Status = NudgeStatus.Sent, SentAt = StoreTestData.Now + Duration.FromDays(2) });
        await SetAsync(_employerA, events.Id, n => n with { Status = NudgeStatus.Sent, SentAt = StoreTestData.Now + Duration.FromDays(9) });
        await SetAsync(_employerA, cancelled.Id, n => n with { Status = NudgeStatus.Cancelled });

        var bulk = await _source.ReadAsync(_employerA, Ct);
        var reference = await _perEnrollment.ReadAsync(_employerA, Ct);

        Assert.Equal(2, Assert.Single(bulk.Records).FailedNudges);
        Assert.Equal(Comparable(reference.Records), Comparable(bulk.Records));
    }

    [Fact]
    public async Task Change_stamp_moves_when_a_nudge_fails()
    {
        var enrollment = (await SeedVariedAsync(_employerA, 1))[0];
        var scheduled = (await _nudges.GetJourneyAsync(_employerA, enrollment.Id, Ct)).Where(n => n.Status == NudgeStatus.Scheduled).ToList();
        Assert.Equal(2, scheduled.Count);

        var before = await _source.ChangeStampAsync(_employerA, Ct);
        await SetAsync(_employerA, scheduled[0].Id, Failed); // Scheduled → Failed
        var afterFailed = await _source.ChangeStampAsync(_employerA, Ct);
        await SetAsync(_employerA, scheduled[1].Id, n => n with { Status = NudgeStatus.Sending, Attempts = 8, NextAttemptAt = StoreTestData.Now + Duration.FromMinutes(5) });
        var afterClaim = await _source.ChangeStampAsync(_employerA, Ct);
        await SetAsync(_employerA, scheduled[1].Id, Failed); // Sending → Failed, as the dispatcher settles its last attempt
        var afterLastAttempt = await _source.ChangeStampAsync(_employerA, Ct);

        Assert.True(afterFailed > before);
        Assert.True(afterLastAttempt > afterClaim);
        Assert.Equal(2, (await _source.ReadAsync(_employerA, Ct)).Records.Single().FailedNudges);
    }

    [Fact]
    public async Task Dashboard_nudge_read_goes_through_the_partial_index_that_holds_failed_nudges()
    {
        await SeedVariedAsync(_employerA, 3);
        await using var connection = await _file.Open().OpenConnectionAsync(Ct);

        var indexes = await IndexesAsync(connection);
        var plan = await PlanAsync(connection, SqliteRetentionRecordSource.NudgesSql);

        Assert.Contains("ix_nudges_dashboard_failed", indexes);
        Assert.DoesNotContain("ix_nudges_dashboard", indexes);
        Assert.Contains(plan, step => step.Contains("USING INDEX ix_nudges_dashboard_failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_at_schema_5_migrates_to_the_wider_index_and_counts_its_failed_nudges()
    {
        var enrollment = (await SeedVariedAsync(_employerA, 1))[0];
        var welcome = (await _nudges.GetJourneyAsync(_employerA, enrollment.Id, Ct)).Single(n => n.Kind == "welcome-newcomer");
        await SetAsync(_employerA, welcome.Id, Failed);
        await using (var connection = await _file.Open().OpenConnectionAsync(Ct))
        {
            // Back to schema 5: as a file written by the version before failed nudges were on the dashboard.
            await connection.ExecuteAsync(UndoV7 + "DROP INDEX ix_nudges_dashboard_failed; " + OldDashboardIndex + " PRAGMA user_version = 5;");
        }

        SqliteConnection.ClearAllPools();
        var reopened = _file.Open();
        var bulk = await new SqliteRetentionRecordSource(reopened).ReadAsync(_employerA, Ct);
        await using var migrated = await reopened.OpenConnectionAsync(Ct);

        Assert.Equal(1, Assert.Single(bulk.Records).FailedNudges);
        Assert.Equal(SqliteDatabase.SchemaVersion, await migrated.ExecuteScalarAsync<long>("PRAGMA user_version;"));
        var indexes = await IndexesAsync(migrated);
        Assert.Contains("ix_nudges_dashboard_failed", indexes);
        Assert.DoesNotContain("ix_nudges_dashboard", indexes);
    }

    private static async Task<List<string>> IndexesAsync(SqliteConnection connection) =>
        (await connection.QueryAsync<string>("SELECT name FROM pragma_index_list('nudges');")).ToList();

    /// <summary>The <c>detail</c> column of <c>EXPLAIN QUERY PLAN</c>, one entry a step.</summary>
    private async Task<List<string>> PlanAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$employerId", _employerA);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var steps = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            steps.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return steps;
    }
}
