using Retention.Core.Maintenance;
using Retention.Core.Storage;
using Retention.Storage.Cosmos;

namespace Retention.Storage.Tests;

/// <summary>The storage contract against Cosmos DB (cosmosdb-server here, or the account in RETENTION_COSMOS_ENDPOINT).</summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosStoreContractTests : StoreContract
{
    private readonly CosmosStoreFixture _fixture;

    public CosmosStoreContractTests(CosmosStoreFixture fixture)
    {
        _fixture = fixture;
        Skip.If(fixture.UnavailableReason is not null, fixture.UnavailableReason);
        var database = fixture.Database!;
        Enrollments = new CosmosEnrollmentStore(database);
        Nudges = new CosmosNudgeStore(database);
        Events = new CosmosEventStore(database);
        ApiKeys = new CosmosApiKeyStore(database);
        Unsubscribes = new CosmosUnsubscribeStore(database);
        Regions = new CosmosRegionStore(database);
        Settings = new CosmosEmployerSettingsStore(database);
        Stranded = new CosmosStrandedNudgeQuery(database);
    }

    protected override IEnrollmentStore Enrollments { get; }

    protected override INudgeStore Nudges { get; }

    protected override IEventStore Events { get; }

    protected override IApiKeyStore ApiKeys { get; }

    protected override IUnsubscribeStore Unsubscribes { get; }

    protected override IRegionStore Regions { get; }

    protected override IEmployerSettingsStore Settings { get; }

    protected override IStrandedNudgeQuery Stranded { get; }

    protected override string? QueriesUnavailableReason => _fixture.QueriesUnavailableReason;
}
