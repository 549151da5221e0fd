using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Retention.Storage.Cosmos;

/// <summary>Creates the database and containers at start-up when <see cref="CosmosStoreOptions.CreateIfMissing"/> is set.</summary>
internal sealed class CosmosStartupService(CosmosDatabase database, IOptions<CosmosStoreOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CreateIfMissing ? database.CreateIfMissingAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
