using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;
using Retention.Core.Analytics;
using Retention.Core.Enrollments;
using Retention.Core.Events;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Storage.Sqlite;

/// <summary>
/// The dashboard's bulk read in four set-based queries (enrolment facts, nudges, check-ins, outcomes of one employer,
/// each ordered by enrolment id) merged in one pass, instead of three reads per enrolment. All four run in one read
/// transaction, which also reads the change stamp (<c>employer_changes</c>, bumped by triggers), so stamp and records
/// are one snapshot. Only the columns a <see cref="RetentionRecord"/> needs are read (enrolments from the compact
/// <c>enrollment_facts</c> the triggers keep): no names, addresses or comments.
/// </summary>
public sealed class SqliteRetentionRecordSource(SqliteDatabase database) : IRetentionRecordSource
{
    private const string StampSql = "SELECT coalesce((SELECT stamp FROM employer_changes WHERE employer_id = $employerId), 0);";

    private const string EnrollmentsSql =
        """
        SELECT id, status, created_at, municipality, arrival_date, start_date, status_changed_at
        FROM enrollment_facts WHERE employer_id = $employerId ORDER BY id;
        """;

    // Only the nudges JourneyFacts looks at: the ildsjel's, the newcomer's check-ins, acted follow-ups (an acted HR
    // escalation counts for its original) and failed ones of any audience. The rest of a journey is skipped. The
    // condition is the partial index ix_nudges_dashboard_failed's, word for word, so SQLite can use that index (a
    // storage test checks the query plan, hence internal).
    internal const string NudgesSql =
        """
        SELECT enrollment_id, id, kind, audience, status, due_at, sent_at, acted_at, follows_up
        FROM nudges
        WHERE employer_id = $employerId
          AND (audience = 'Ildsjel' OR (audience = 'Newcomer' AND kind = 'check-in') OR (follows_up IS NOT NULL AND status = 'Acted')
            OR status = 'Failed')
        ORDER BY enrollment_id, due_at, id;
        """;

    private const string CheckInsSql =
        """
        SELECT enrollment_id, id, at, belonging, intent_to_stay, nudge_id
        FROM check_ins WHERE employer_id = $employerId ORDER BY enrollment_id, at, id;
        """;

    private const string OutcomesSql =
        """
        SELECT enrollment_id, id, status, date, reason, recorded_at
        FROM outcomes WHERE employer_id = $employerId ORDER BY enrollment_id, recorded_at, id;
        """;

    public async Task<long?> ChangeStampAsync(string employerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            StampSql.Replace("$employerId", "@employerId", StringComparison.Ordinal), new { employerId }, cancellationToken: cancellationToken));
    }

    public async Task<RetentionRecordSet> ReadAsync(string employerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(employerId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // A deferred transaction is a read snapshot in WAL mode: writers carry on, and the stamp matches the rows.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var stampCommand = Command(connection, transaction, StampSql, employerId);
        var stamp = (long)(await stampCommand.ExecuteScalarAsync(cancellationToken) ?? 0L);

        await using var enrollmentsCommand = Command(connection, transaction, EnrollmentsSql, employerId);
        await using var nudgesCommand = Command(connection, transaction, NudgesSql, employerId);
        await using var checkInsCommand = Command(connection, transaction, CheckInsSql, employerId);
        await using var outcomesCommand = Command(connection, transaction, OutcomesSql, employerId);
        await using var enrollments = await enrollmentsCommand.ExecuteReaderAsync(cancellationToken);
        await using var nudges = await nudgesCommand.ExecuteReaderAsync(cancellationToken);
        await using var checkIns = await checkInsCommand.ExecuteReaderAsync(cancellationToken);
        await using var outcomes = await outcomesCommand.ExecuteReaderAsync(cancellationToken);

        var nudgeRows = new Following(nudges);
        var checkInRows = new Following(checkIns);
        var outcomeRows = new Following(outcomes);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = new List<RetentionRecord>();
        var journey = new List<Nudge>();
        var answers = new List<CheckIn>();
        var results = new List<Outcome>();
        while (enrollments.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = enrollments.GetString(0);
            var facts = new EnrollmentFacts(
                id,
                Shared(names, enrollments.GetString(3)),
                SqliteValues.Date(enrollments.GetString(4)),
                SqliteValues.Date(enrollments.GetString(5)),
                SqliteValues.Parse<EnrollmentStatus>(enrollments.GetString(1)),
                SqliteValues.Instant(enrollments.GetInt64(2)),
                enrollments.IsDBNull(6) ? null : InstantPattern.ExtendedIso.Parse(enrollments.GetString(6)).GetValueOrThrow());

            journey.Clear();
            while (nudgeRows.Next(id))
            {
                journey.Add(ReadNudge(nudges, employerId, id, names));
            }

            answers.Clear();
            while (checkInRows.Next(id))
            {
                answers.Add(ReadCheckIn(checkIns, employerId, id));
            }

            results.Clear();
            while (outcomeRows.Next(id))
            {
                results.Add(ReadOutcome(outcomes, employerId, id));
            }

            records.Add(RetentionRecord.From(facts, journey, answers, results));
        }

        return new RetentionRecordSet(records, stamp);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, string employerId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$employerId", employerId);
        return command;
    }

    private static Nudge ReadNudge(SqliteDataReader row, string employerId, string enrollmentId, Dictionary<string, string> names) => new()
    {
        EmployerId = employerId,
        EnrollmentId = enrollmentId,
        Id = row.GetString(1),
        Kind = Shared(names, row.GetString(2)),
        Audience = SqliteValues.Parse<Audience>(row.GetString(3)),
        Status = SqliteValues.Parse<NudgeStatus>(row.GetString(4)),
        DueAt = SqliteValues.Instant(row.GetInt64(5)),
        SentAt = row.IsDBNull(6) ? null : SqliteValues.Instant(row.GetInt64(6)),
        ActedAt = row.IsDBNull(7) ? null : SqliteValues.Instant(row.GetInt64(7)),
        FollowsUpNudgeId = row.IsDBNull(8) ? null : row.GetString(8),

        // Not read: the analytics never look at them.
        Reason = "",
        MessageKey = "",
    };

    private static CheckIn ReadCheckIn(SqliteDataReader row, string employerId, string enrollmentId) => new()
    {
        EmployerId = employerId,
        EnrollmentId = enrollmentId,
        Id = row.GetString(1),
        At = SqliteValues.Instant(row.GetInt64(2)),
        Belonging = row.GetInt32(3),
        IntentToStay = row.GetInt32(4),
        NudgeId = row.IsDBNull(5) ? null : row.GetString(5),
    };

    private static Outcome ReadOutcome(SqliteDataReader row, string employerId, string enrollmentId) => new()
    {
        EmployerId = employerId,
        EnrollmentId = enrollmentId,
        Id = row.GetString(1),
        Status = SqliteValues.Parse<OutcomeStatus>(row.GetString(2)),
        Date = SqliteValues.Date(row.GetString(3)),
        Reason = row.IsDBNull(4) ? null : SqliteValues.Parse<DepartureReason>(row.GetString(4)),
        RecordedAt = SqliteValues.Instant(row.GetInt64(5)),
    };

    /// <summary>One instance per distinct municipality or kind, so a million records share a few dozen strings.</summary>
    private static string Shared(Dictionary<string, string> names, string value)
    {
        if (names.TryGetValue(value, out var shared))
        {
            return shared;
        }

        names[value] = value;
        return value;
    }

    /// <summary>
    /// A reader ordered by enrolment id, consumed alongside the enrolments (also ordered by id). Every row belongs to
    /// a stored enrolment (foreign keys), so when the merge reaches an enrolment, that enrolment's rows are at the head.
    /// </summary>
    private sealed class Following(SqliteDataReader reader)
    {
        private bool _hasRow = reader.Read();
        private bool _pending = true;

        /// <summary>Positions on the next row of <paramref name="enrollmentId"/>; false when the head belongs to a later one.</summary>
        public bool Next(string enrollmentId)
        {
            if (!_pending)
            {
                _hasRow = reader.Read();
            }

            _pending = true;
            if (!_hasRow || !string.Equals(reader.GetString(0), enrollmentId, StringComparison.Ordinal))
            {
                return false;
            }

            _pending = false;
            return true;
        }
    }
}
