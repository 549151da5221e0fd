using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Retention.Core;
using Retention.Core.Diagnostics;
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
        services.AddRetentionTelemetry(configuration);
        return services;
    }

    /// <summary>
    /// OpenTelemetry, as the Functions docs now describe for the isolated worker on Flex Consumption (host.json
    /// <c>telemetryMode: OpenTelemetry</c>): the worker's traces and logs joined to the host's, the Retention meter's
    /// metrics, all to Application Insights through the Azure Monitor exporter, which signs in with Entra ID (local
    /// auth is off in infra) as the app's identity (AZURE_CLIENT_ID), or as the developer locally. The exporter reads
    /// APPLICATIONINSIGHTS_CONNECTION_STRING; without it (CI, tests) nothing is exported.
    /// </summary>
    private static void AddRetentionTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithMetrics(metrics => metrics.AddMeter(RetentionMetrics.MeterName));
        if (!string.IsNullOrEmpty(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            telemetry.UseAzureMonitorExporter(options => options.Credential = new DefaultAzureCredential());
        }
    }
}
