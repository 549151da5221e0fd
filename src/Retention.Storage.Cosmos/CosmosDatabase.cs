using System.Collections.ObjectModel;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Retention.Storage.Cosmos;

/// <summary>
/// The Cosmos DB account as the stores see it: one client (a singleton for the process), the data container
/// (partition key <c>/employerId</c>), the keys container (partition key <c>/id</c>), the aggregates and the regions
/// (partition key <c>/regionId</c>).
/// </summary>
public sealed class CosmosDatabase : IDisposable
{
    private readonly CosmosClient _client;
    private readonly CosmosStoreOptions _options;

    public CosmosDatabase(CosmosClient client, IOptions<CosmosStoreOptions> options, ILogger<CosmosDatabase>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.Value;
        Data = client.GetContainer(_options.Database, _options.DataContainer);
        Keys = client.GetContainer(_options.Database, _options.KeysContainer);
        Aggregates = client.GetContainer(_options.Database, _options.AggregatesContainer);
        Regions = client.GetContainer(_options.Database, _options.RegionsContainer);
        Items = new CosmosItems(client.ClientOptions.Serializer ?? new CosmosJsonSerializer(), logger ?? NullLogger<CosmosDatabase>.Instance, _options.DiagnosticsThreshold);
        TimeToLiveSeconds = _options.RawRecordTimeToLive is { } ttl ? checked((int)Math.Ceiling(ttl.TotalSeconds)) : null;
    }

    internal Container Data { get; }

    internal Container Keys { get; }

    internal Container Aggregates { get; }

    internal Container Regions { get; }

    internal CosmosItems Items { get; }

    /// <summary>The <c>ttl</c> written on raw records, or null for the container default.</summary>
    internal int? TimeToLiveSeconds { get; }

    /// <summary>The data container as infra should create it: partition key, TTL on, and an index only on what queries use.</summary>
    public static ContainerProperties DataContainerProperties(string name)
    {
        var properties = new ContainerProperties(name, "/employerId") { DefaultTimeToLive = -1 };
        properties.IndexingPolicy.IncludedPaths.Clear();
        properties.IndexingPolicy.ExcludedPaths.Clear();
        foreach (var path in new[] { "/employerId/?", "/type/?", "/status/?", "/createdAtMs/?", "/enrollmentId/?", "/firesAtMs/?" })
        {
            properties.IndexingPolicy.IncludedPaths.Add(new IncludedPath { Path = path });
        }

        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
        properties.IndexingPolicy.CompositeIndexes.Add(new Collection<CompositePath>
        {
            new() { Path = "/createdAtMs", Order = CompositePathSortOrder.Ascending },
            new() { Path = "/enrollmentId", Order = CompositePathSortOrder.Ascending },
        });
        return properties;
    }

    /// <summary>The keys container: point reads only, so nothing is indexed.</summary>
    public static ContainerProperties KeysContainerProperties(string name) => PointReadContainerProperties(name, "/id");

    /// <summary>The aggregates container: point reads only, no TTL (aggregates outlive raw records).</summary>
    public static ContainerProperties AggregatesContainerProperties(string name) => PointReadContainerProperties(name, "/employerId");

    /// <summary>The regions container: point reads only (the directory document stands in for queries), no TTL.</summary>
    public static ContainerProperties RegionsContainerProperties(string name) => PointReadContainerProperties(name, "/regionId");

    /// <summary>Creates the database and its containers when missing (emulator, tests); in Azure infra does this.</summary>
    public async Task CreateIfMissingAsync(CancellationToken cancellationToken)
    {
        var database = (await _client.CreateDatabaseIfNotExistsAsync(_options.Database, cancellationToken: cancellationToken)).Database;
        await database.CreateContainerIfNotExistsAsync(DataContainerProperties(_options.DataContainer), cancellationToken: cancellationToken);
        await database.CreateContainerIfNotExistsAsync(KeysContainerProperties(_options.KeysContainer), cancellationToken: cancellationToken);
        await database.CreateContainerIfNotExistsAsync(AggregatesContainerProperties(_options.AggregatesContainer), cancellationToken: cancellationToken);
        await database.CreateContainerIfNotExistsAsync(RegionsContainerProperties(_options.RegionsContainer), cancellationToken: cancellationToken);
    }

    private static ContainerProperties PointReadContainerProperties(string name, string partitionKeyPath)
    {
        var properties = new ContainerProperties(name, partitionKeyPath);
        properties.IndexingPolicy.IncludedPaths.Clear();
        properties.IndexingPolicy.ExcludedPaths.Clear();
        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
        return properties;
    }

    public void Dispose() => _client.Dispose();
}
