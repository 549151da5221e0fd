using Dapper;
using NodaTime;
using Retention.Core.Scheduling;

namespace Retention.Storage.Sqlite;

/// <summary>
/// The self-hosted due-queue, which is the nudges table itself: a nudge is queued while it is
/// <c>Scheduled</c> (or <c>Sending</c> under an expired lease: its dispatcher died mid-send) and
/// <c>coalesce(next_attempt_at, due_at)</c> has passed. A claim is one <c>UPDATE … RETURNING</c>, so two
/// dispatchers on the same file never lease the same nudge at the same time.
/// </summary>
public sealed class SqliteDueNudgeQueue(SqliteDatabase database) : IDueNudgeQueue
{
    public async Task<IReadOnlyList<DueNudge>> ClaimDueAsync(Instant now, Duration lease, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, Duration.Zero);
        var leaseId = Guid.NewGuid().ToString("N");
        var leaseUntil = now + lease;
        // A single writing statement inside a write transaction, so the selection and the lease are atomic.
        var rows = await database.WriteAsync((connection, transaction) => connection.QueryAsync<ClaimRow>(new CommandDefinition(
            $"""
            UPDATE nudges SET lease_id = @leaseId, lease_until = @leaseUntil
            WHERE rowid IN (
                SELECT rowid FROM nudges
                WHERE {DueIndex.Queued}
                  AND {DueIndex.FiresAt} <= @now
                  AND (lease_until IS NULL OR lease_until <= @now)
                ORDER BY {DueIndex.FiresAt}, employer_id, id
                LIMIT @max)
            RETURNING employer_id AS EmployerId, id AS Id, due_at AS DueAt, {DueIndex.FiresAt} AS EffectiveDueAt;
            """,
            new { leaseId, leaseUntil = SqliteValues.Ticks(leaseUntil), now = SqliteValues.Ticks(now), max },
            transaction)), cancellationToken);
        return rows
            .OrderBy(r => r.EffectiveDueAt).ThenBy(r => r.EmployerId, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new DueNudge(r.EmployerId, r.Id, SqliteValues.Instant(r.DueAt), leaseId, leaseUntil))
            .ToList();
    }

    public async Task ReleaseAsync(DueNudge claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE nudges SET lease_id = NULL, lease_until = NULL WHERE employer_id = @EmployerId AND id = @NudgeId AND lease_id = @LeaseId;",
            new { claimed.EmployerId, claimed.NudgeId, claimed.LeaseId }, transaction)), cancellationToken);
    }

    public async Task<long> CountDueAsync(Instant now, CancellationToken cancellationToken)
    {
        // Spelled as the claim spells it, so the count scans the partial due index, not the table.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM nudges WHERE {DueIndex.Queued} AND {DueIndex.FiresAt} <= @now;",
            new { now = SqliteValues.Ticks(now) },
            cancellationToken: cancellationToken));
    }

    private sealed class ClaimRow
    {
        public string EmployerId { get; set; } = "";
        public string Id { get; set; } = "";
        public long DueAt { get; set; }
        public long EffectiveDueAt { get; set; }
    }
}
