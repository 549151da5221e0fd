using System.ComponentModel.DataAnnotations;

namespace Retention.Storage.Cosmos;

/// <summary>
/// Where the Cosmos DB data lives. In Azure only <see cref="Endpoint"/> is set and the client signs in with
/// <c>DefaultAzureCredential</c> (managed identity); <see cref="Key"/> is for the emulator and tests only.
/// </summary>
public sealed class CosmosStoreOptions
{
    public const string SectionName = "Retention:Storage:Cosmos";

    /// <summary>Account endpoint, e.g. <c>https://retention-abc.documents.azure.com:443/</c>.</summary>
    [Required]
    [Url]
    public string Endpoint { get; set; } = "";

    /// <summary>Account key: only for the emulator or a test server. Leave empty in Azure.</summary>
    public string? Key { get; set; }

    [Required]
    public string Database { get; set; } = "retention";

    /// <summary>Everything an employer owns, partitioned by <c>/employerId</c>.</summary>
    [Required]
    public string DataContainer { get; set; } = "employer-data";

    /// <summary>API keys, partitioned by <c>/id</c> (the key's public id).</summary>
    [Required]
    public string KeysContainer { get; set; } = "api-keys";

    /// <summary>Derived figures that outlive raw records (the dashboard change stamp), partitioned by <c>/employerId</c>.</summary>
    [Required]
    public string AggregatesContainer { get; set; } = "aggregates";

    /// <summary>Regions and their feeds, partitioned by <c>/regionId</c>; municipality claims and the region directory in one partition of their own.</summary>
    [Required]
    public string RegionsContainer { get; set; } = "regions";

    /// <summary>
    /// How long raw records live after their last write (the retention period), written as each document's
    /// <c>ttl</c>. Null leaves it to the container's default TTL (set by infra).
    /// </summary>
    public TimeSpan? RawRecordTimeToLive { get; set; }

    /// <summary>Operations slower than this log the SDK's diagnostics.</summary>
    public TimeSpan DiagnosticsThreshold { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Creates the database and containers at start-up when missing (emulator, tests). Infra creates them in Azure.</summary>
    public bool CreateIfMissing { get; set; }
}
