using Retention.Core.Maintenance;
using Retention.Core.Storage;
using Retention.Testing.Fakes;

namespace Retention.Storage.Tests;

/// <summary>
/// The storage contract against the in-memory fakes of <c>Retention.Testing</c>: the dispatcher and application tests
/// that stand on them stand on fakes verified to behave like SQLite and Cosmos DB.
/// </summary>
public sealed class InMemoryStoreContractTests : StoreContract
{
    public InMemoryStoreContractTests()
    {
        var nudges = new InMemoryNudgeStore();
        Nudges = nudges;
        Enrollments = new InMemoryEnrollmentStore(nudges);
        Events = new InMemoryEventStore();
        ApiKeys = new InMemoryApiKeyStore();
        Unsubscribes = new InMemoryUnsubscribeStore();
        Regions = new InMemoryRegionStore();
        Settings = new InMemoryEmployerSettingsStore();
        Stranded = new InMemoryStrandedNudgeQuery(nudges);
    }

    protected override IEnrollmentStore Enrollments { get; }

    protected override INudgeStore Nudges { get; }

    protected override IEventStore Events { get; }

    protected override IApiKeyStore ApiKeys { get; }

    protected override IUnsubscribeStore Unsubscribes { get; }

    protected override IRegionStore Regions { get; }

    protected override IEmployerSettingsStore Settings { get; }

    protected override IStrandedNudgeQuery Stranded { get; }
}
