using Microsoft.Data.Sqlite;
using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Server.Tests.EndToEnd;

/// <summary>
/// The nudges exactly as the server stored them, read straight from its SQLite file (read-only, no pooling, so
/// the test holds no lock once a read is done). Used to know the message keys the API does not show.
/// </summary>
internal static class NudgeLedger
{
    public static async Task<IReadOnlyList<Nudge>> ReadAsync(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT employer_id, id, enrollment_id, kind, audience, due_at, reason, message_key, follows_up, status, attempts, plan_revision, sent_at, idempotency_key FROM nudges";
        await using var reader = await command.ExecuteReaderAsync();
        var nudges = new List<Nudge>();
        while (await reader.ReadAsync())
        {
            nudges.Add(new Nudge
            {
                EmployerId = reader.GetString(0),
                Id = reader.GetString(1),
                EnrollmentId = reader.GetString(2),
                Kind = reader.GetString(3),
                Audience = Enum.Parse<Audience>(reader.GetString(4), ignoreCase: true),
                DueAt = Instant.FromUnixTimeTicks(reader.GetInt64(5)),
                Reason = reader.GetString(6),
                MessageKey = reader.GetString(7),
                FollowsUpNudgeId = reader.IsDBNull(8) ? null : reader.GetString(8),
                Status = Enum.Parse<NudgeStatus>(reader.GetString(9), ignoreCase: true),
                Attempts = reader.GetInt32(10),
                PlanRevision = reader.GetInt32(11),
                SentAt = reader.IsDBNull(12) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(12)),
                IdempotencyKey = reader.IsDBNull(13) ? null : reader.GetString(13),
            });
        }

        return nudges;
    }
}
