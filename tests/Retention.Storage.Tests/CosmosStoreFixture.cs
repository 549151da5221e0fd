using Azure.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using Retention.Storage.Cosmos;
using Retention.Testing;

namespace Retention.Storage.Tests;

/// <summary>
/// Cosmos DB for the tests: a real account or emulator when <c>RETENTION_COSMOS_ENDPOINT</c> (+ <c>RETENTION_COSMOS_KEY</c>)
/// is set, otherwise a local cosmosdb-server, which cannot run queries. Creates a fresh database and its containers.
/// </summary>
public sealed class CosmosStoreFixture : IAsyncLifetime
{
    private CosmosServer? _server;
    private CosmosClient? _client;

    public CosmosDatabase? Database { get; private set; }

    /// <summary>The client behind <see cref="Database"/>, for tests that build their own store objects on it.</summary>
    public CosmosClient? Client => _client;

    public CosmosStoreOptions Options { get; } = new() { Database = "retention-tests-" + Guid.NewGuid().ToString("N")[..8] };

    /// <summary>Why nothing can run (the local server did not start), or null.</summary>
    public string? UnavailableReason { get; private set; }

    /// <summary>Why query-based tests are skipped, or null when a real account or emulator is configured.</summary>
    public string? QueriesUnavailableReason { get; private set; }

    /// <summary>SDK options for the server in use: gateway mode, the loopback server's certificate accepted (see <see cref="CosmosServerHandler"/>).</summary>
    public static CosmosClientOptions ClientOptions() => new()
    {
        ConnectionMode = ConnectionMode.Gateway,
        LimitToEndpoint = true,
        Serializer = new CosmosJsonSerializer(),
        HttpClientFactory = () => new HttpClient(new CosmosServerHandler()),
    };

    public async Task InitializeAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable("RETENTION_COSMOS_ENDPOINT");
        var key = Environment.GetEnvironmentVariable("RETENTION_COSMOS_KEY");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            QueriesUnavailableReason =
                "cosmosdb-server does not run SQL queries; set RETENTION_COSMOS_ENDPOINT (+ RETENTION_COSMOS_KEY) to a real account or emulator to run this test";
            try
            {
                _server = await CosmosServer.StartAsync();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or System.Net.Sockets.SocketException)
            {
                UnavailableReason = "cosmosdb-server could not start: " + e.Message;
                return;
            }

            endpoint = _server.Endpoint.ToString();
            key = CosmosServer.EmulatorKey;
        }

        Options.Endpoint = endpoint;
        Options.Key = key;
        _client = string.IsNullOrEmpty(key)
            ? new CosmosClient(endpoint, new DefaultAzureCredential(), ClientOptions())
            : new CosmosClient(endpoint, key, ClientOptions());
        Database = new CosmosDatabase(_client, Microsoft.Extensions.Options.Options.Create(Options));
        await Database.CreateIfMissingAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_client is not null && _server is null)
        {
            // A real account: remove the database this run created.
            await _client.GetDatabase(Options.Database).DeleteAsync();
        }

        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
