using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Retention.Core.Application;
using Retention.Core.Maintenance;
using Retention.Core.Scheduling;
using Retention.Core.Storage;

namespace Retention.Storage.Sqlite;

/// <summary>Registers the SQLite stores and due-queue.</summary>
public static class SqliteStorageExtensions
{
    /// <summary>
    /// Registers every store port, the dashboard's bulk record source, the due-queue and the (no-op) scheduler on one <see cref="SqliteDatabase"/>,
    /// binds <see cref="SqliteStoreOptions"/> from <c>Retention:Storage:Sqlite</c> (then <paramref name="configure"/>),
    /// validates them at start-up and migrates the schema when the host starts.
    /// </summary>
    public static IServiceCollection AddRetentionSqliteStorage(this IServiceCollection services, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SqliteStoreOptions>().BindConfiguration(SqliteStoreOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IEnrollmentStore, SqliteEnrollmentStore>();
        services.AddSingleton<INudgeStore, SqliteNudgeStore>();
        services.AddSingleton<IEventStore, SqliteEventStore>();
        services.AddSingleton<IApiKeyStore, SqliteApiKeyStore>();
        services.AddSingleton<IUnsubscribeStore, SqliteUnsubscribeStore>();
        services.AddSingleton<IRegionStore, SqliteRegionStore>();
        services.AddSingleton<IEmployerSettingsStore, SqliteEmployerSettingsStore>();
        services.AddSingleton<IDueNudgeQueue, SqliteDueNudgeQueue>();
        services.AddSingleton<INudgeScheduler, SqliteNudgeScheduler>();
        services.AddSingleton<IStrandedNudgeQuery, SqliteStrandedNudgeQuery>();
        services.AddSingleton<IRetentionRecordSource, SqliteRetentionRecordSource>();

        // The file has a cheap change stamp, so the dashboard caches reports; refreshing warms that cache.
        services.TryAddSingleton<IDashboardAggregates, DashboardWarming>();
        services.AddHostedService<SqliteMigrationService>();
        return services;
    }
}
