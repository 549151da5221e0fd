using Dapper;
using Retention.Core.Events;
using Retention.Core.Storage;

namespace Retention.Storage.Sqlite;

/// <summary>Check-ins and outcomes in SQLite; adding an id twice stores it once.</summary>
public sealed class SqliteEventStore(SqliteDatabase database) : IEventStore
{
    public async Task AddCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO check_ins (employer_id, id, enrollment_id, at, belonging, intent_to_stay, comment, nudge_id)
            VALUES (@EmployerId, @Id, @EnrollmentId, @At, @Belonging, @IntentToStay, @Comment, @NudgeId)
            ON CONFLICT DO NOTHING;
            """,
            new
            {
                checkIn.EmployerId,
                checkIn.Id,
                checkIn.EnrollmentId,
                At = SqliteValues.Ticks(checkIn.At),
                checkIn.Belonging,
                checkIn.IntentToStay,
                checkIn.Comment,
                checkIn.NudgeId,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<CheckIn>> GetCheckInsAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, long At, long Belonging, long IntentToStay, string? Comment, string? NudgeId)>(new CommandDefinition(
            """
            SELECT id, at, belonging, intent_to_stay, comment, nudge_id FROM check_ins
            WHERE employer_id = @employerId AND enrollment_id = @enrollmentId ORDER BY at, id;
            """,
            new { employerId, enrollmentId }, cancellationToken: cancellationToken));
        return rows.Select(r => new CheckIn
        {
            EmployerId = employerId,
            EnrollmentId = enrollmentId,
            Id = r.Id,
            At = SqliteValues.Instant(r.At),
            Belonging = checked((int)r.Belonging),
            IntentToStay = checked((int)r.IntentToStay),
            Comment = r.Comment,
            NudgeId = r.NudgeId,
        }).ToList();
    }

    public async Task AddOutcomeAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO outcomes (employer_id, id, enrollment_id, status, date, reason, recorded_at)
            VALUES (@EmployerId, @Id, @EnrollmentId, @Status, @Date, @Reason, @RecordedAt)
            ON CONFLICT DO NOTHING;
            """,
            new
            {
                outcome.EmployerId,
                outcome.Id,
                outcome.EnrollmentId,
                Status = SqliteValues.Name(outcome.Status),
                Date = SqliteValues.Date(outcome.Date),
                Reason = outcome.Reason is { } reason ? SqliteValues.Name(reason) : null,
                RecordedAt = SqliteValues.Ticks(outcome.RecordedAt),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Outcome>> GetOutcomesAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Status, string Date, string? Reason, long RecordedAt)>(new CommandDefinition(
            """
            SELECT id, status, date, reason, recorded_at FROM outcomes
            WHERE employer_id = @employerId AND enrollment_id = @enrollmentId ORDER BY recorded_at, id;
            """,
            new { employerId, enrollmentId }, cancellationToken: cancellationToken));
        return rows.Select(r => new Outcome
        {
            EmployerId = employerId,
            EnrollmentId = enrollmentId,
            Id = r.Id,
            Status = SqliteValues.Parse<OutcomeStatus>(r.Status),
            Date = SqliteValues.Date(r.Date),
            Reason = r.Reason is { } reason ? SqliteValues.Parse<DepartureReason>(reason) : null,
            RecordedAt = SqliteValues.Instant(r.RecordedAt),
        }).ToList();
    }

    public async Task ErasePersonalDataAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE check_ins SET comment = NULL WHERE employer_id = @employerId AND enrollment_id = @enrollmentId AND comment IS NOT NULL;",
            new { employerId, enrollmentId }, cancellationToken: cancellationToken));

        // The log still holds the pages as they were before the erasure until a checkpoint copies them over: run one
        // now and cut the log to nothing. Best effort: with a reader still on an old snapshot it stops short, and the
        // next automatic checkpoint finishes it.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken: cancellationToken));
    }
}
