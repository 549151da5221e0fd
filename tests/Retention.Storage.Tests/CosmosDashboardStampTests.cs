using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Retention.Core.Analytics;
using Retention.Core.Application;
using Retention.Core.Events;
using Retention.Core.Journeys;
using Retention.Storage.Cosmos;

namespace Retention.Storage.Tests;

/// <summary>The dashboard change stamp the Functions app's change-feed trigger moves, on the real Cosmos SDK.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosDashboardStampTests
{
    private readonly CosmosEnrollmentStore _enrollments;
    private readonly CosmosEventStore _events;
    private readonly CosmosNudgeStore _nudges;
    private readonly CosmosDashboardChangeStamp _stamps;
    private readonly CosmosRetentionRecordSource _source;
    private readonly string? _queriesUnavailable;

    public CosmosDashboardStampTests(CosmosStoreFixture fixture)
    {
        Skip.If(fixture.UnavailableReason is not null, fixture.UnavailableReason);
        var database = fixture.Database!;
        _queriesUnavailable = fixture.QueriesUnavailableReason;
        _enrollments = new CosmosEnrollmentStore(database);
        _events = new CosmosEventStore(database);
        _stamps = new CosmosDashboardChangeStamp(database);
        _nudges = new CosmosNudgeStore(database);
        _source = new CosmosRetentionRecordSource(_stamps, _enrollments, _nudges, _events);
    }

    [SkippableFact]
    public async Task The_stamp_starts_at_zero_and_moves_on_each_refresh_for_that_employer_only()
    {
        var a = StoreTestData.NewId("acme");
        var b = StoreTestData.NewId("globex");

        Assert.Equal(0, await _source.ChangeStampAsync(a, CancellationToken.None));
        await _stamps.RefreshAsync(a, CancellationToken.None);
        await _stamps.RefreshAsync(a, CancellationToken.None);

        Assert.Equal(2, await _source.ChangeStampAsync(a, CancellationToken.None));
        Assert.Equal(0, await _source.ChangeStampAsync(b, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Concurrent_refreshes_each_move_the_stamp()
    {
        var a = StoreTestData.NewId("acme");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _stamps.RefreshAsync(a, CancellationToken.None)));

        Assert.Equal(8, await _source.ChangeStampAsync(a, CancellationToken.None));
    }

    [SkippableFact]
    public async Task The_dashboard_answers_from_its_cache_until_the_change_feed_moves_the_stamp()
    {
        // The records are read through the enrolment listing, a query.
        Skip.If(_queriesUnavailable is not null, _queriesUnavailable);
        var employer = StoreTestData.NewId("acme");
        var enrollment = StoreTestData.Enrollment(employer);
        var (_, created) = await _enrollments.CreateAsync(enrollment, StoreTestData.Journey(enrollment), CancellationToken.None);
        Assert.True(created);
        var dashboard = new DashboardService(_source, new RetentionClock(new FakeTimeProvider(StoreTestData.Now.ToDateTimeOffset())));
        var query = new DashboardQuery { EmployerId = employer, To = new LocalDate(2027, 12, 31) };

        var before = await dashboard.ReportAsync(query, CancellationToken.None);
        await _events.AddOutcomeAsync(new Outcome
        {
            EmployerId = employer,
            EnrollmentId = enrollment.Id,
            Id = StoreTestData.NewId("out"),
            Status = OutcomeStatus.Left,
            Date = new LocalDate(2027, 6, 1),
            Reason = DepartureReason.PartnerJob,
            RecordedAt = StoreTestData.Now,
        }, CancellationToken.None);
        var beforeTheFeed = await dashboard.ReportAsync(query, CancellationToken.None);
        await _stamps.RefreshAsync(employer, CancellationToken.None);
        var afterTheFeed = await dashboard.ReportAsync(query, CancellationToken.None);

        // Until the feed reports the write, the cached report stands (the documented delay); then it is recomputed.
        Assert.Same(before, beforeTheFeed);
        Assert.NotSame(before, afterTheFeed);
        Assert.Equal(new LocalDate(2027, 6, 1), Assert.Single((await _source.ReadAsync(employer, CancellationToken.None)).Records).DepartureDate);
    }

    [SkippableFact]
    public async Task Records_equal_those_built_per_enrolment_and_carry_the_stamp_read_first()
    {
        // The records are read through the enrolment listing, a query.
        Skip.If(_queriesUnavailable is not null, _queriesUnavailable);
        var employer = StoreTestData.NewId("acme");
        var enrollment = StoreTestData.Enrollment(employer);
        await _enrollments.CreateAsync(enrollment, StoreTestData.Journey(enrollment), CancellationToken.None);
        await _stamps.RefreshAsync(employer, CancellationToken.None);

        var set = await _source.ReadAsync(employer, CancellationToken.None);

        Assert.Equal(1, set.ChangeStamp);
        var record = Assert.Single(set.Records);
        Assert.Equal(enrollment.Id, record.EnrollmentId);
    }

    [SkippableFact]
    public async Task Records_count_the_failed_nudges_of_every_audience()
    {
        var employer = StoreTestData.NewId("acme");
        var enrollment = StoreTestData.Enrollment(employer);
        var journey = StoreTestData.Journey(enrollment);
        await _enrollments.CreateAsync(enrollment, journey, CancellationToken.None);
        foreach (var nudge in journey.Where(n => n.Kind is "welcome-newcomer" or "first-fika"))
        {
            var current = await _nudges.GetAsync(employer, nudge.Id, CancellationToken.None);
            Assert.NotNull(await _nudges.TryUpdateAsync(current! with { Status = NudgeStatus.Failed, LastError = "bounced" }, CancellationToken.None));
        }

        // What the record source builds per enrolment, from the journey as this store returns it (point reads only).
        var stored = (await _enrollments.GetAsync(employer, enrollment.Id, CancellationToken.None))!;
        var built = RetentionRecord.From(stored, await _nudges.GetJourneyAsync(employer, enrollment.Id, CancellationToken.None), [], []);
        Assert.Equal(2, built.FailedNudges); // the newcomer's welcome and an ildsjel nudge

        // The source itself lists the enrolments with a query, which only a real account or emulator runs.
        Skip.If(_queriesUnavailable is not null, _queriesUnavailable);
        Assert.Equal(2, Assert.Single((await _source.ReadAsync(employer, CancellationToken.None)).Records).FailedNudges);
    }
}
