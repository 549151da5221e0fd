using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Storage.Sqlite;

/// <summary>Enrolments in SQLite: the record as JSON plus the columns queries need; the version is an integer row version.</summary>
public sealed class SqliteEnrollmentStore(SqliteDatabase database) : IEnrollmentStore
{
    private const string Columns = "payload AS Payload, version AS Version";

    public async Task<(Enrollment Enrollment, bool Created)> CreateAsync(Enrollment enrollment, IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        ArgumentNullException.ThrowIfNull(nudges);
        // One transaction (the group commit's): the enrolment and its journey appear together or not at all.
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO enrollments (employer_id, id, external_id, status, created_at, payload, version)
                VALUES (@EmployerId, @Id, @ExternalId, @Status, @CreatedAt, @Payload, 1)
                ON CONFLICT DO NOTHING;
                """,
                Parameters(enrollment), transaction));
            if (inserted == 0)
            {
                // The unique index on (employer_id, external_id) made the dedupe atomic; return the one that won.
                var existing = await ReadAsync(connection, transaction, enrollment.EmployerId, enrollment.Id, enrollment.ExternalId, CancellationToken.None)
                    ?? throw new InvalidOperationException("The enrolment conflicted with a stored one that cannot be read back.");
                return (existing, false);
            }

            await SqliteNudgeStore.InsertAsync(connection, transaction, nudges, CancellationToken.None);
            return (enrollment with { Version = SqliteValues.Version(1) }, true);
        }, cancellationToken);
    }

    public async Task<Enrollment?> GetAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EnrollmentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM enrollments WHERE employer_id = @employerId AND id = @enrollmentId;",
            new { employerId, enrollmentId }, cancellationToken: cancellationToken));
        return row?.ToEnrollment();
    }

    public async Task<Enrollment?> FindByExternalIdAsync(string employerId, string externalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EnrollmentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM enrollments WHERE employer_id = @employerId AND external_id = @externalId;",
            new { employerId, externalId }, cancellationToken: cancellationToken));
        return row?.ToEnrollment();
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The cursor is not one this store handed out.</exception>
    public async Task<Page<Enrollment>> ListAsync(string employerId, EnrollmentStatus? status, string? cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var after = cursor is null ? null : ListCursor.Parse(cursor);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<EnrollmentListRow>(new CommandDefinition(
            $"""
            SELECT {Columns}, created_at AS CreatedAt, id AS Id FROM enrollments
            WHERE employer_id = @employerId
              AND (@status IS NULL OR status = @status)
              AND (@afterCreatedAt IS NULL OR created_at > @afterCreatedAt OR (created_at = @afterCreatedAt AND id > @afterId))
            ORDER BY created_at, id
            LIMIT @take;
            """,
            new
            {
                employerId,
                status = status is { } s ? SqliteValues.Name(s) : null,
                afterCreatedAt = after?.CreatedAt,
                afterId = after?.Id,
                take = limit + 1,
            },
            cancellationToken: cancellationToken))).ToList();
        var items = rows.Take(limit).Select(r => r.ToEnrollment()).ToList();
        var next = rows.Count > limit ? new ListCursor(rows[limit - 1].CreatedAt, rows[limit - 1].Id).Format() : null;
        return new Page<Enrollment>(items, next);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The new external id belongs to another enrolment of the employer.</exception>
    public async Task<Enrollment?> TryUpdateAsync(Enrollment enrollment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        if (SqliteValues.ParseVersion(enrollment.Version) is not { } expected)
        {
            return null;
        }

        var parameters = new DynamicParameters(Parameters(enrollment));
        parameters.Add("Expected", expected);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                """
                UPDATE enrollments SET external_id = @ExternalId, status = @Status, payload = @Payload, version = version + 1
                WHERE employer_id = @EmployerId AND id = @Id AND version = @Expected
                RETURNING version;
                """,
                parameters, cancellationToken: cancellationToken));
            return version is { } v ? enrollment with { Version = SqliteValues.Version(v) } : null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new InvalidOperationException("Another enrolment of this employer already has that external id.", e);
        }
    }

    private static async Task<Enrollment?> ReadAsync(
        SqliteConnection connection, SqliteTransaction transaction, string employerId, string id, string? externalId, CancellationToken cancellationToken)
    {
        var row = await connection.QueryFirstOrDefaultAsync<EnrollmentRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM enrollments
            WHERE employer_id = @employerId AND (external_id = @externalId OR id = @id)
            ORDER BY external_id = @externalId DESC LIMIT 1;
            """,
            new { employerId, id, externalId }, transaction, cancellationToken: cancellationToken));
        return row?.ToEnrollment();
    }

    private static object Parameters(Enrollment e) => new
    {
        e.EmployerId,
        e.Id,
        e.ExternalId,
        Status = SqliteValues.Name(e.Status),
        CreatedAt = SqliteValues.Ticks(e.CreatedAt),
        // Version lives in its column only, so a stored payload never carries a stale one.
        Payload = JsonSerializer.Serialize(e with { Version = "" }, SqliteJson.Options),
    };
}
