using Dapper;
using Microsoft.Data.Sqlite;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Storage.Sqlite;

/// <summary>Nudges in SQLite. The same table is the self-hosted due-queue (<see cref="SqliteDueNudgeQueue"/>).</summary>
public sealed class SqliteNudgeStore(SqliteDatabase database) : INudgeStore
{
    public async Task<Nudge?> GetAsync(string employerId, string nudgeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<NudgeRow>(new CommandDefinition(
            $"SELECT {NudgeRow.Columns} FROM nudges WHERE employer_id = @employerId AND id = @nudgeId;",
            new { employerId, nudgeId }, cancellationToken: cancellationToken));
        return row?.ToNudge();
    }

    public async Task<IReadOnlyList<Nudge>> GetJourneyAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<NudgeRow>(new CommandDefinition(
            $"SELECT {NudgeRow.Columns} FROM nudges WHERE employer_id = @employerId AND enrollment_id = @enrollmentId ORDER BY due_at, id;",
            new { employerId, enrollmentId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToNudge()).ToList();
    }

    public async Task AddAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudges);
        await database.WriteAsync(async (connection, transaction) =>
        {
            await InsertAsync(connection, transaction, nudges, CancellationToken.None);
            return true;
        }, cancellationToken);
    }

    public async Task<Nudge?> TryUpdateAsync(Nudge nudge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        if (SqliteValues.ParseVersion(nudge.Version) is null)
        {
            return null;
        }

        // Compare-and-set: the row changes only if nobody else changed it since the caller read it. It commits in a
        // group with this process's other writes, but stays one conditional statement on its own row.
        var version = await database.WriteAsync((connection, transaction) => connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE nudges SET
                enrollment_id = @EnrollmentId, kind = @Kind, audience = @Audience, due_at = @DueAt, reason = @Reason,
                message_key = @MessageKey, follows_up = @FollowsUp, status = @Status, attempts = @Attempts,
                next_attempt_at = @NextAttemptAt, sent_at = @SentAt, acted_at = @ActedAt, last_error = @LastError, status_reason = @StatusReason, idempotency_key = @IdempotencyKey,
                plan_revision = @PlanRevision, scheduler_handle = @SchedulerHandle, version = version + 1
            WHERE employer_id = @EmployerId AND id = @Id AND version = @Version
            RETURNING version;
            """,
            NudgeRow.From(nudge), transaction)), cancellationToken);
        return version is { } v ? nudge with { Version = SqliteValues.Version(v) } : null;
    }

    /// <summary>Inserts new nudges at version 1; ids already stored are left untouched.</summary>
    internal static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken)
    {
        if (nudges.Count == 0)
        {
            return;
        }

        // One prepared statement for the whole journey: a plan has ~50 nudges and imports write thousands of plans.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO nudges (employer_id, id, enrollment_id, kind, audience, due_at, reason, message_key, follows_up, status,
                attempts, next_attempt_at, sent_at, acted_at, last_error, status_reason, idempotency_key, plan_revision, scheduler_handle, version)
            VALUES ($employerId, $id, $enrollmentId, $kind, $audience, $dueAt, $reason, $messageKey, $followsUp, $status,
                $attempts, $nextAttemptAt, $sentAt, $actedAt, $lastError, $statusReason, $idempotencyKey, $planRevision, $schedulerHandle, 1)
            ON CONFLICT DO NOTHING;
            """;
        string[] names = ["$employerId", "$id", "$enrollmentId", "$kind", "$audience", "$dueAt", "$reason", "$messageKey", "$followsUp", "$status",
            "$attempts", "$nextAttemptAt", "$sentAt", "$actedAt", "$lastError", "$statusReason", "$idempotencyKey", "$planRevision", "$schedulerHandle"];
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var nudge in nudges)
        {
            var row = NudgeRow.From(nudge);
            object?[] values = [row.EmployerId, row.Id, row.EnrollmentId, row.Kind, row.Audience, row.DueAt, row.Reason, row.MessageKey, row.FollowsUp, row.Status,
                row.Attempts, row.NextAttemptAt, row.SentAt, row.ActedAt, row.LastError, row.StatusReason, row.IdempotencyKey, row.PlanRevision, row.SchedulerHandle];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
