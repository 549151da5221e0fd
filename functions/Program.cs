using Azure.Identity;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: HTTP triggers get HttpRequest/HttpContext, the types the shared HTTP handlers take.
builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// Application Insights accepts only Entra-authenticated telemetry (local auth is off in infra): the worker's SDK
// signs in as the app's identity (AZURE_CLIENT_ID), or as the developer locally.
builder.Services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(new DefaultAzureCredential()));

// The worker's Application Insights provider keeps only Warning and above by default; let host.json levels decide.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var defaultRule = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (defaultRule is not null)
    {
        options.Rules.Remove(defaultRule);
    }
});

// The same composition as the self-hosted server (ServerExtensions.AddRetentionServer), with the Azure adapters:
// Core (options, rules, renderer, NudgeDispatcher, application services), Cosmos DB stores, the shared HTTP surface,
// Service Bus as the scheduler and ACS as the e-mail sender; housekeeping repairs nudges whose scheduled message was
// lost (Core's StrandedNudgeRepair over the Cosmos store's stranded-nudge query); the change-feed trigger moves each
// changed employer's dashboard change stamp, which lets the dashboard answer repeated requests from its report cache.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRetentionCore();
builder.Services.AddRetentionCosmosStorage();
builder.Services.AddRetentionHousekeeping();
builder.Services.AddRetentionCosmosDashboardStamps();
builder.Services.AddRetentionHttp();
builder.Services.AddRetentionServiceBus(builder.Configuration);
#if RETENTION_FULL_AZURE
builder.Services.AddRetentionAcsEmail(builder.Configuration);
#else
// Without Azure.Communication.Email (the CI build, ADR-009) the app sends as the server does: pickup directory or
// SMTP by Retention:Email:Provider.
builder.Services.AddRetentionEmail(builder.Configuration);
#endif
builder.Services.AddRetentionFeeds(builder.Configuration);

builder.Build().Run();
