using Azure.Identity;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Retention.Core;
using Retention.Feeds;
#if RETENTION_FULL_AZURE
using Retention.Functions.Email;
#else
using Retention.Email;
#endif
using Retention.Functions.Messaging;
using Retention.Http;
using Retention.Storage.Cosmos;

namespace Retention.Functions;

/// <summary>
/// The Functions app's one composition, like the server's <c>AddRetentionServer()</c>: Core (options, rules, renderer,
/// NudgeDispatcher, application services), Cosmos DB stores, the shared HTTP surface, Service Bus as the scheduler, ACS
/// as the e-mail sender (the pickup/SMTP sender of Retention.Email in the CI build, ADR-009), feeds, housekeeping (Core's
/// StrandedNudgeRepair over the Cosmos store's stranded-nudge query) and the dashboard change stamps the change-feed
/// trigger moves. Tested with ValidateOnBuild in Retention.Functions.Tests.
/// </summary>
public static class FunctionsComposition
{
    public static IServiceCollection AddRetentionFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddRetentionCore();
        services.AddRetentionCosmosStorage();
        services.AddRetentionHousekeeping();
        services.AddRetentionCosmosDashboardStamps();
        services.AddRetentionHttp();
        services.AddRetentionServiceBus(configuration);
#if RETENTION_FULL_AZURE
        services.AddRetentionAcsEmail(configuration);
#else
        services.AddRetentionEmail(configuration);
#endif
        services.AddRetentionFeeds(configuration);
        services.AddRetentionTelemetry();
        return services;
    }

    /// <summary>
    /// Application Insights through the worker's SDK. It accepts only Entra-authenticated telemetry (local auth is off in
    /// infra), so the SDK signs in as the app's identity (AZURE_CLIENT_ID), or as the developer locally.
    /// </summary>
    private static void AddRetentionTelemetry(this IServiceCollection services)
    {
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(new DefaultAzureCredential()));

        // The worker's Application Insights provider keeps only Warning and above by default; let host.json levels decide.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var defaultRule = options.Rules.FirstOrDefault(rule =>
                rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
            if (defaultRule is not null)
            {
                options.Rules.Remove(defaultRule);
            }
        });
    }
}
