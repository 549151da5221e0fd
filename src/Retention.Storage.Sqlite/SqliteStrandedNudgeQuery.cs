using Dapper;
using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Maintenance;

namespace Retention.Storage.Sqlite;

/// <summary>
/// Queued nudges long past their firing time, across employers: a range scan of the due-queue index
/// (<see cref="DueIndex"/>).
/// </summary>
public sealed class SqliteStrandedNudgeQuery(SqliteDatabase database) : IStrandedNudgeQuery
{
    public async Task<IReadOnlyList<Nudge>> ListStrandedAsync(Instant firesBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<NudgeRow>(new CommandDefinition(
            $"""
            SELECT {NudgeRow.Columns} FROM nudges
            WHERE {DueIndex.Queued} AND {DueIndex.FiresAt} < @before
            ORDER BY {DueIndex.FiresAt}
            LIMIT @limit;
            """,
            new { before = SqliteValues.Ticks(firesBefore), limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToNudge()).ToList();
    }
}
