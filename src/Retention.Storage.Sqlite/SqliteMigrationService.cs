using Microsoft.Extensions.Hosting;

namespace Retention.Storage.Sqlite;

/// <summary>Migrates the schema when the host starts, so a bad file or path fails the start rather than the first request.</summary>
internal sealed class SqliteMigrationService(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
