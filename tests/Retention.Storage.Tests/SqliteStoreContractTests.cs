using Retention.Core.Maintenance;
using Retention.Core.Storage;
using Retention.Storage.Sqlite;

namespace Retention.Storage.Tests;

/// <summary>The storage contract against a real SQLite file.</summary>
public sealed class SqliteStoreContractTests : StoreContract, IDisposable
{
    private readonly SqliteTestFile _file = new();

    public SqliteStoreContractTests()
    {
        var database = _file.Open();
        Enrollments = new SqliteEnrollmentStore(database);
        Nudges = new SqliteNudgeStore(database);
        Events = new SqliteEventStore(database);
        ApiKeys = new SqliteApiKeyStore(database);
        Unsubscribes = new SqliteUnsubscribeStore(database);
        Regions = new SqliteRegionStore(database);
        Settings = new SqliteEmployerSettingsStore(database);
        Stranded = new SqliteStrandedNudgeQuery(database);
    }

    protected override IEnrollmentStore Enrollments { get; }

    protected override INudgeStore Nudges { get; }

    protected override IEventStore Events { get; }

    protected override IApiKeyStore ApiKeys { get; }

    protected override IUnsubscribeStore Unsubscribes { get; }

    protected override IRegionStore Regions { get; }

    protected override IEmployerSettingsStore Settings { get; }

    protected override IStrandedNudgeQuery Stranded { get; }

    public void Dispose() => _file.Dispose();
}
