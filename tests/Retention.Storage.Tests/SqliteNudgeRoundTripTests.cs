using System.Text;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using Retention.Core.Journeys;
using Retention.Storage.Sqlite;

namespace Retention.Storage.Tests;

/// <summary>Whatever valid values a nudge holds, the SQLite columns give them back unchanged.</summary>
public sealed class SqliteNudgeRoundTripTests : IDisposable
{
    private readonly SqliteTestFile _file = new();
    private readonly SqliteDatabase _database;
    private readonly Core.Enrollments.Enrollment _enrollment;

    public SqliteNudgeRoundTripTests()
    {
        _database = _file.Open();
        _enrollment = StoreTestData.Enrollment(StoreTestData.NewId("acme"));
        new SqliteEnrollmentStore(_database).CreateAsync(_enrollment, [], CancellationToken.None).GetAwaiter().GetResult();
    }

    [Property(MaxTest = 60)]
    public bool Every_field_survives_storage(
        NonNull<string> kind, NonNull<string> reason, string? lastError, string? idempotencyKey, Audience audience, NudgeStatus status,
        int dueSeconds, int attempts, int? nextSeconds, long? handle, int planRevision)
    {
        var due = Instant.FromUnixTimeSeconds(dueSeconds) + Duration.FromTicks(Math.Abs(dueSeconds % 10_000_000));
        var nudge = StoreTestData.Nudge(_enrollment, Valid(kind.Get), due, audience, id: StoreTestData.NewId("n")) with
        {
            Reason = Valid(reason.Get),
            LastError = lastError is null ? null : Valid(lastError),
            IdempotencyKey = idempotencyKey is null ? null : Valid(idempotencyKey),
            Status = status,
            Attempts = attempts,
            NextAttemptAt = nextSeconds is { } s ? Instant.FromUnixTimeSeconds(s) : null,
            SchedulerHandle = handle,
            PlanRevision = planRevision,
        };
        var store = new SqliteNudgeStore(_database);

        store.AddAsync([nudge], CancellationToken.None).GetAwaiter().GetResult();
        var read = store.GetAsync(nudge.EmployerId, nudge.Id, CancellationToken.None).GetAwaiter().GetResult();

        return read is not null && read with { Version = "" } == nudge;
    }

    public void Dispose() => _file.Dispose();

    // Text as it can reach the store: well-formed UTF-16 (a lone surrogate cannot come from JSON or CSV input).
    private static string Valid(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
