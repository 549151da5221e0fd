using Azure.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Core.Maintenance;
using Retention.Core.Storage;

namespace Retention.Storage.Cosmos;

/// <summary>Registers the Cosmos DB stores.</summary>
public static class CosmosStorageExtensions
{
    /// <summary>
    /// Registers the store ports on one <see cref="CosmosDatabase"/> (one <see cref="CosmosClient"/> for the
    /// process), binding <see cref="CosmosStoreOptions"/> from <c>Retention:Storage:Cosmos</c> (then
    /// <paramref name="configure"/>) and validating them at start-up. The client signs in with
    /// <c>DefaultAzureCredential</c> unless a key is configured (emulator, tests).
    /// <paramref name="configureClient"/> adjusts the SDK options (e.g. the HTTP handler for a local test server); a host
    /// may also configure <see cref="CosmosClientOptions"/> as options. The serializer is always the store's own.
    /// The due-queue and scheduler are not registered: on Azure they are Service Bus.
    /// </summary>
    public static IServiceCollection AddRetentionCosmosStorage(
        this IServiceCollection services, Action<CosmosStoreOptions>? configure = null, Action<CosmosClientOptions>? configureClient = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CosmosStoreOptions>().BindConfiguration(CosmosStoreOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        if (configureClient is not null)
        {
            services.Configure(configureClient);
        }

        services.AddSingleton(provider =>
        {
            var value = provider.GetRequiredService<IOptions<CosmosStoreOptions>>();
            var client = CreateClient(value.Value, provider.GetRequiredService<IOptions<CosmosClientOptions>>().Value);
            return new CosmosDatabase(client, value, provider.GetRequiredService<ILogger<CosmosDatabase>>());
        });
        services.AddSingleton<IEnrollmentStore, CosmosEnrollmentStore>();
        services.AddSingleton<INudgeStore, CosmosNudgeStore>();
        services.AddSingleton<IEventStore, CosmosEventStore>();
        services.AddSingleton<IApiKeyStore, CosmosApiKeyStore>();
        services.AddSingleton<IUnsubscribeStore, CosmosUnsubscribeStore>();
        services.AddSingleton<IRegionStore, CosmosRegionStore>();
        services.AddSingleton<IEmployerSettingsStore, CosmosEmployerSettingsStore>();
        services.AddSingleton<IStrandedNudgeQuery, CosmosStrandedNudgeQuery>();
        services.AddHostedService<CosmosStartupService>();
        return services;
    }

    /// <summary>
    /// For the host that runs the Cosmos DB change-feed trigger (the Functions app): the trigger moves a change stamp
    /// per employer (<see cref="IDashboardAggregates"/>), and the dashboard reads records tagged with it, so its report
    /// cache works on Cosmos too. A host without the trigger must not call this: its stamps would never move and the
    /// cached reports would never be recomputed.
    /// </summary>
    public static IServiceCollection AddRetentionCosmosDashboardStamps(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<CosmosDashboardChangeStamp>();
        services.AddSingleton<IDashboardAggregates>(provider => provider.GetRequiredService<CosmosDashboardChangeStamp>());
        services.AddSingleton<IRetentionRecordSource, CosmosRetentionRecordSource>();
        return services;
    }

    private static CosmosClient CreateClient(CosmosStoreOptions options, CosmosClientOptions clientOptions)
    {
        clientOptions.ApplicationName ??= "retention";
        clientOptions.Serializer = new CosmosJsonSerializer();
        return string.IsNullOrEmpty(options.Key)
            ? new CosmosClient(options.Endpoint, new DefaultAzureCredential(), clientOptions)
            : new CosmosClient(options.Endpoint, options.Key, clientOptions);
    }
}
