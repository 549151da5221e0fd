using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Retention.Core.Analytics;
using Retention.Core.Enrollments;
using Retention.Core.Events;
using Retention.Core.Journeys;
using Retention.Core.Storage;
using Retention.Storage.Sqlite;

namespace Retention.Storage.Tests;

/// <summary>The set-based dashboard read against the per-enrolment one, on a real SQLite file.</summary>
public sealed partial class SqliteRetentionRecordSourceTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly JsonSerializerOptions Json =
        new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    private readonly SqliteTestFile _file = new();
    private readonly SqliteEnrollmentStore _enrollments;
    private readonly SqliteNudgeStore _nudges;
    private readonly SqliteEventStore _events;
    private readonly SqliteRetentionRecordSource _source;
    private readonly PerEnrollmentRecordSource _perEnrollment;
    private readonly string _employerA = StoreTestData.NewId("acme");
    private readonly string _employerB = StoreTestData.NewId("globex");

    public SqliteRetentionRecordSourceTests()
    {
        var database = _file.Open();
        _enrollments = new SqliteEnrollmentStore(database);
        _nudges = new SqliteNudgeStore(database);
        _events = new SqliteEventStore(database);
        _source = new SqliteRetentionRecordSource(database);
        _perEnrollment = new PerEnrollmentRecordSource(_enrollments, _nudges, _events);
    }

    [Fact]
    public async Task Bulk_read_returns_the_same_records_as_the_per_enrolment_path()
    {
        await SeedVariedAsync(_employerA, 12);
        await SeedVariedAsync(_employerB, 3);

        var bulk = await _source.ReadAsync(_employerA, Ct);
        var reference = await _perEnrollment.ReadAsync(_employerA, Ct);

        Assert.Equal(12, bulk.Records.Count);
        Assert.Equal(Comparable(reference.Records), Comparable(bulk.Records));
        Assert.NotNull(bulk.ChangeStamp);
        // The records carry more than defaults: the seeding exercised departures, lunches, check-ins.
        Assert.Contains(bulk.Records, r => r.DepartureDate is not null);
        Assert.Contains(bulk.Records, r => r.CancellationDate is not null);
        Assert.Contains(bulk.Records, r => r.WelcomeLunch == WelcomeLunchState.Acted);
        Assert.Contains(bulk.Records, r => r.CheckIns.Count > 0);
        Assert.Contains(bulk.Records, r => r.IldsjelNudges.Count > 0);
        Assert.Equal(7, bulk.Records.Sum(r => r.FailedNudges)); // newcomer welcomes and HR escalations, see the seeding
    }

    [Fact]
    public async Task Bulk_read_is_scoped_to_the_employer()
    {
        var a = await SeedVariedAsync(_employerA, 4);
        var b = await SeedVariedAsync(_employerB, 5);

        var readA = (await _source.ReadAsync(_employerA, Ct)).Records.Select(r => r.EnrollmentId).Order(StringComparer.Ordinal);
        var readB = (await _source.ReadAsync(_employerB, Ct)).Records.Select(r => r.EnrollmentId).Order(StringComparer.Ordinal);
        var none = await _source.ReadAsync(StoreTestData.NewId("nobody"), Ct);

        Assert.Equal(a.Select(e => e.Id).Order(StringComparer.Ordinal), readA);
        Assert.Equal(b.Select(e => e.Id).Order(StringComparer.Ordinal), readB);
        Assert.Empty(none.Records);
        Assert.Equal(0, none.ChangeStamp);
    }

    [Fact]
    public async Task Change_stamp_moves_with_every_write_the_records_depend_on_and_only_for_that_employer()
    {
        var enrollment = (await SeedVariedAsync(_employerA, 1))[0];
        await SeedVariedAsync(_employerB, 1);

        var before = await _source.ChangeStampAsync(_employerA, Ct);
        var otherBefore = await _source.ChangeStampAsync(_employerB, Ct);
        await _events.AddOutcomeAsync(StoreTestData.Outcome(enrollment), Ct);
        var afterOutcome = await _source.ChangeStampAsync(_employerA, Ct);
        await _events.AddCheckInAsync(StoreTestData.CheckIn(enrollment, StoreTestData.Now + Duration.FromDays(40)), Ct);
        var afterCheckIn = await _source.ChangeStampAsync(_employerA, Ct);
        var nudge = (await _nudges.GetJourneyAsync(_employerA, enrollment.Id, Ct)).First(n => n.Status == NudgeStatus.Scheduled);
        await _nudges.TryUpdateAsync(nudge with { Status = NudgeStatus.Sent, SentAt = StoreTestData.Now }, Ct);
        var afterNudge = await _source.ChangeStampAsync(_employerA, Ct);
        var stored = await _enrollments.GetAsync(_employerA, enrollment.Id, Ct);
        await _enrollments.TryUpdateAsync(stored! with { Status = EnrollmentStatus.Paused }, Ct);
        var afterEnrollment = await _source.ChangeStampAsync(_employerA, Ct);

        Assert.True(afterOutcome > before);
        Assert.True(afterCheckIn > afterOutcome);
        Assert.True(afterNudge > afterCheckIn);
        Assert.True(afterEnrollment > afterNudge);
        Assert.Equal(otherBefore, await _source.ChangeStampAsync(_employerB, Ct));
    }

    [Fact]
    public async Task Change_stamp_ignores_dispatch_leases()
    {
        var enrollment = (await SeedVariedAsync(_employerA, 1))[0];
        var before = await _source.ChangeStampAsync(_employerA, Ct);

        var queue = new SqliteDueNudgeQueue(_file.Open());
        var claimed = await queue.ClaimDueAsync(StoreTestData.Now + Duration.FromDays(400), Duration.FromMinutes(1), 100, Ct);
        foreach (var c in claimed)
        {
            await queue.ReleaseAsync(c, Ct);
        }

        Assert.NotEmpty(claimed);
        Assert.Contains(claimed, c => c.EmployerId == enrollment.EmployerId);
        Assert.Equal(before, await _source.ChangeStampAsync(_employerA, Ct));
    }

    [Fact]
    public async Task A_file_written_before_enrollment_facts_is_back_filled_on_migration()
    {
        await SeedVariedAsync(_employerA, 6);
        await using (var connection = await _file.Open().OpenConnectionAsync(Ct))
        {
            // Back to schema 3: as a file written by the version before enrollment_facts existed (the later v5 column and v6 index undone too).
            await connection.ExecuteAsync(UndoV7 +
                """
                DROP TRIGGER tr_enrollments_insert_facts; DROP TRIGGER tr_enrollments_update_facts; DROP TRIGGER tr_enrollments_delete_facts;
                DROP TABLE enrollment_facts; DROP INDEX ix_nudges_dashboard_failed; ALTER TABLE nudges DROP COLUMN idempotency_key;
                """ + OldDashboardIndex + " PRAGMA user_version = 3;");
        }

        SqliteConnection.ClearAllPools();
        var reopened = _file.Open();
        var bulk = await new SqliteRetentionRecordSource(reopened).ReadAsync(_employerA, Ct);
        var reference = await new PerEnrollmentRecordSource(
            new SqliteEnrollmentStore(reopened), new SqliteNudgeStore(reopened), new SqliteEventStore(reopened)).ReadAsync(_employerA, Ct);

        Assert.Equal(6, bulk.Records.Count);
        Assert.Equal(Comparable(reference.Records), Comparable(bulk.Records));
    }

    public void Dispose() => _file.Dispose();

    private static List<string> Comparable(IEnumerable<RetentionRecord> records) =>
        records.OrderBy(r => r.EnrollmentId, StringComparer.Ordinal).Select(r => JsonSerializer.Serialize(r, Json)).ToList();

    /// <summary>Enrolments covering the cases the record is built from: statuses, outcomes, acted, followed-up and failed nudges, check-ins.</summary>
    private async Task<List<Enrollment>> SeedVariedAsync(string employerId, int count)
    {
        var created = new List<Enrollment>();
        for (var i = 0; i < count; i++)
        {
            var enrollment = StoreTestData.Enrollment(employerId, createdAt: StoreTestData.Now + Duration.FromMinutes(i)) with
            {
                StartDate = new LocalDate(2027, 1 + (i % 12), 1 + i),
                ArrivalDate = new LocalDate(2027, 1 + (i % 12), 1),
                Municipality = i % 3 == 0 ? "Bergen" : "Haugesund",
            };
            var lunch = StoreTestData.Nudge(enrollment, "welcome-lunch", StoreTestData.Now + Duration.FromDays(2));
            var fika = StoreTestData.Nudge(enrollment, "first-fika", StoreTestData.Now + Duration.FromDays(14));
            var reminder = StoreTestData.Nudge(enrollment, "ildsjel-reminder", StoreTestData.Now + Duration.FromDays(16)) with { FollowsUpNudgeId = fika.Id };
            var escalation = StoreTestData.Nudge(enrollment, "hr-escalation", StoreTestData.Now + Duration.FromDays(20), Audience.Hr) with { FollowsUpNudgeId = lunch.Id };
            var checkInNudge = StoreTestData.Nudge(enrollment, "check-in", StoreTestData.Now + Duration.FromDays(30), Audience.Newcomer);
            var welcome = StoreTestData.Nudge(enrollment, "welcome-newcomer", StoreTestData.Now + Duration.FromDays(1), Audience.Newcomer);
            var stored = (await _enrollments.CreateAsync(enrollment, [lunch, fika, reminder, escalation, checkInNudge, welcome], Ct)).Enrollment;
            created.Add(stored);

            var sent = StoreTestData.Now + Duration.FromDays(2 + i);
            if (i % 2 == 0)
            {
                await SetAsync(employerId, lunch.Id, n => n with { Status = NudgeStatus.Acted, SentAt = sent, ActedAt = sent + Duration.FromHours(3) });
            }
            else if (i % 4 == 1)
            {
                await SetAsync(employerId, lunch.Id, n => n with { Status = NudgeStatus.Sent, SentAt = sent });
                await SetAsync(employerId, escalation.Id, n => n with { Status = NudgeStatus.Acted, SentAt = sent, ActedAt = sent + Duration.FromDays(1) });
            }

            if (i % 3 != 2)
            {
                await SetAsync(employerId, fika.Id, n => n with { Status = NudgeStatus.Sent, SentAt = sent + Duration.FromDays(12) });
                await SetAsync(employerId, reminder.Id, n => n with { Status = i % 3 == 0 ? NudgeStatus.Acted : NudgeStatus.Sent, SentAt = sent + Duration.FromDays(14), ActedAt = sent + Duration.FromDays(15) });
                await SetAsync(employerId, checkInNudge.Id, n => n with { Status = NudgeStatus.Sent, SentAt = sent + Duration.FromDays(28) });
                await _events.AddCheckInAsync(StoreTestData.CheckIn(stored, sent + Duration.FromDays(29)) with { NudgeId = checkInNudge.Id, Belonging = 1 + (i % 5) }, Ct);
                await _events.AddCheckInAsync(StoreTestData.CheckIn(stored, sent + Duration.FromDays(60)) with { IntentToStay = 1 + ((i + 2) % 5) }, Ct);
            }

            // Failures outside what the dashboard otherwise reads (not the ildsjel's, not check-ins): 4 + 3 in 12 enrolments.
            if (i % 3 == 1)
            {
                await SetAsync(employerId, welcome.Id, Failed);
            }

            if (i % 4 == 3)
            {
                await SetAsync(employerId, escalation.Id, Failed);
            }

            if (i % 5 == 3)
            {
                await _events.AddOutcomeAsync(StoreTestData.Outcome(stored) with { Date = new LocalDate(2027, 10, 1 + i) }, Ct);
                await _enrollments.TryUpdateAsync(stored with { Status = EnrollmentStatus.Left, StatusChangedAt = StoreTestData.Now + Duration.FromDays(200) }, Ct);
            }
            else if (i % 5 == 4)
            {
                await _enrollments.TryUpdateAsync(stored with { Status = EnrollmentStatus.Cancelled, StatusChangedAt = StoreTestData.Now + Duration.FromDays(100 + i) }, Ct);
            }
        }

        return created;
    }

    /// <summary>As the dispatcher leaves a nudge whose retries are exhausted.</summary>
    private static Nudge Failed(Nudge nudge) =>
        nudge with { Status = NudgeStatus.Failed, Attempts = 8, NextAttemptAt = null, LastError = "550 5.1.1 mailbox unavailable (attempts exhausted)" };

    private async Task SetAsync(string employerId, string nudgeId, Func<Nudge, Nudge> change)
    {
        var nudge = await _nudges.GetAsync(employerId, nudgeId, Ct);
        Assert.NotNull(await _nudges.TryUpdateAsync(change(nudge!), Ct));
    }
}
