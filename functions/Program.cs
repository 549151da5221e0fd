using Azure.Identity;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Core.Dispatch;
using Retention.Functions.Email;
using Retention.Functions.Messaging;
using Retention.Http;
using Retention.Storage.Cosmos;

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: HTTP triggers get HttpRequest/HttpContext, the types the shared HTTP surface uses.
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

builder.Services.AddSingleton(TimeProvider.System);

// The same registrations the self-hosted server makes, with the Azure adapters chosen.
builder.Services.AddRetentionCosmosStorage();
builder.Services.AddRetentionHttp();
builder.Services.AddRetentionServiceBus(builder.Configuration);
builder.Services.AddRetentionAcsEmail(builder.Configuration);

// What the Service Bus trigger calls: the same Core dispatcher the self-hosted due-queue service uses.
builder.Services.AddOptions<DispatchOptions>()
    .BindConfiguration(DispatchOptions.SectionName)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<DispatchOptions>>().Value);
builder.Services.AddSingleton<NudgeDispatcher>();

builder.Build().Run();
