using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Core.Journeys;
using Retention.Storage.Cosmos;

namespace Retention.Storage.Tests;

/// <summary>What the Cosmos store writes, read back raw: partition key, TTL, text for 64-bit handles, diagnostics.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosDocumentTests
{
    private readonly CosmosStoreFixture _fixture;

    public CosmosDocumentTests(CosmosStoreFixture fixture)
    {
        Skip.If(fixture.UnavailableReason is not null, fixture.UnavailableReason);
        _fixture = fixture;
    }

    [SkippableFact]
    public async Task Raw_records_carry_the_configured_ttl_and_the_employer_partition()
    {
        var database = Open(o => o.RawRecordTimeToLive = TimeSpan.FromDays(3 * 365));
        var enrollment = StoreTestData.Enrollment(StoreTestData.NewId("acme"), externalId: "HR-ttl");
        await new CosmosEnrollmentStore(database).CreateAsync(enrollment, StoreTestData.Journey(enrollment), CancellationToken.None);
        await new CosmosEventStore(database).AddCheckInAsync(StoreTestData.CheckIn(enrollment, StoreTestData.Now), CancellationToken.None);

        foreach (var id in new[] { "enrollment:" + enrollment.Id, "journey:" + enrollment.Id, "ext:HR-ttl", "events:" + enrollment.Id })
        {
            var document = await ReadRawAsync(id, enrollment.EmployerId);
            Assert.Equal(3 * 365 * 86_400, document.GetProperty("ttl").GetInt32());
            Assert.Equal(enrollment.EmployerId, document.GetProperty("employerId").GetString());
        }
    }

    [SkippableFact]
    public async Task Without_a_retention_period_documents_have_no_ttl_and_the_enrollment_no_version()
    {
        var database = Open(o => o.RawRecordTimeToLive = null);
        var enrollment = StoreTestData.Enrollment(StoreTestData.NewId("acme"));
        await new CosmosEnrollmentStore(database).CreateAsync(enrollment, [], CancellationToken.None);

        var document = await ReadRawAsync("enrollment:" + enrollment.Id, enrollment.EmployerId);

        Assert.False(document.TryGetProperty("ttl", out _));
        Assert.Equal("enrollment", document.GetProperty("type").GetString());
        Assert.Equal("active", document.GetProperty("status").GetString());
        Assert.False(document.GetProperty("enrollment").TryGetProperty("version", out _));
    }

    [SkippableFact]
    public async Task A_64_bit_scheduler_handle_is_stored_as_text()
    {
        var database = Open(_ => { });
        var enrollment = StoreTestData.Enrollment(StoreTestData.NewId("acme"));
        var nudge = StoreTestData.Nudge(enrollment, "lunch", StoreTestData.Now) with { SchedulerHandle = long.MaxValue };
        await new CosmosEnrollmentStore(database).CreateAsync(enrollment, [nudge], CancellationToken.None);

        var document = await ReadRawAsync("nudge:" + nudge.Id, enrollment.EmployerId);

        Assert.Equal(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), document.GetProperty("schedulerHandle").GetString());
        Assert.Equal(long.MaxValue, (await new CosmosNudgeStore(database).GetAsync(enrollment.EmployerId, nudge.Id, CancellationToken.None))?.SchedulerHandle);
    }

    [SkippableFact]
    public async Task Operations_slower_than_the_threshold_log_their_diagnostics()
    {
        var logger = new RecordingLogger();
        var database = Open(o => o.DiagnosticsThreshold = TimeSpan.Zero, logger);

        await new CosmosNudgeStore(database).GetAsync(StoreTestData.NewId("acme"), "no-such-nudge", CancellationToken.None);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("Slow Cosmos DB read on employer-data", entry.Message, StringComparison.Ordinal);
    }

    private CosmosDatabase Open(Action<CosmosStoreOptions> change, ILogger<CosmosDatabase>? logger = null)
    {
        var options = new CosmosStoreOptions { Endpoint = _fixture.Options.Endpoint, Database = _fixture.Options.Database };
        change(options);
        return new CosmosDatabase(_fixture.Client!, Options.Create(options), logger);
    }

    private async Task<JsonElement> ReadRawAsync(string id, string employerId)
    {
        var container = _fixture.Client!.GetContainer(_fixture.Options.Database, _fixture.Options.DataContainer);
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(employerId));
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(response.Content);
        return document.RootElement.Clone();
    }
}
