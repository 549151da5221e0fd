using Retention.Server.Cli;
using Retention.Feeds;
using Retention.Server.Regions;
using Microsoft.AspNetCore.DataProtection;
using Retention.Core;
using Retention.Core.Privacy;
using Retention.Core.Scheduling;
using Retention.Email;
using Retention.Http;
using Retention.Server.Cosmos;
using Retention.Server.Demo;
using Retention.Server.Dispatching;
using Retention.Server.Outbox;
using Retention.Server.Telemetry;
using Scalar.AspNetCore;
using Retention.Storage.Cosmos;
using Retention.Storage.Sqlite;

namespace Retention.Server;

/// <summary>The one place where the self-hosted server is composed.</summary>
public static class ServerExtensions
{
    public static IHostApplicationBuilder AddRetentionServer(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var demo = config.GetValue<bool>(DemoOptions.SectionName + ":Enabled");
        var dataDirectory = Path.GetFullPath(config[ServerOptions.DataDirectory] ?? (demo ? Path.Combine("data", "demo") : "data"));
        Directory.CreateDirectory(dataDirectory);
        var publicBaseUrl = config[ServerOptions.PublicBaseUrl]
            ?? config["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? "http://localhost:5080";

        // Defaults that depend on other settings; anything set explicitly wins.
        var defaults = new Dictionary<string, string?>
        {
            [ServerOptions.DataDirectory] = dataDirectory,
            ["Retention:Rendering:PublicBaseUrl"] = publicBaseUrl.TrimEnd('/'),
            ["Retention:Rendering:FromAddress"] = "retention@retention.local",
            [SqliteStoreOptions.SectionName + ":FilePath"] = Path.Combine(dataDirectory, "retention.db"),
        };
        if (string.IsNullOrEmpty(config["Retention:Links:SigningKey"]))
        {
            defaults["Retention:Links:SigningKey"] = SecretKeyFile.LoadOrCreate(dataDirectory, SecretKeyFile.LinkSigningKey);
        }

        if (string.IsNullOrEmpty(config[PrivacyOptions.SectionName + ":HashKey"]))
        {
            defaults[PrivacyOptions.SectionName + ":HashKey"] = SecretKeyFile.LoadOrCreate(dataDirectory, SecretKeyFile.PrivacyHashKey);
        }

        if (demo)
        {
            // Simulated time: leases and link lifetimes are counted in simulated days.
            defaults["Retention:Rendering:LinkLifetime"] = "3650.00:00:00";
            defaults["Retention:Dispatch:SendLease"] = "30.00:00:00";
            defaults["Retention:Planning:ReplanLease"] = "30.00:00:00";
            defaults["Retention:Dispatch:Queue:ClaimLease"] = "30.00:00:00";
            defaults["Retention:Dispatch:Queue:PollInterval"] = "01:00:00";
        }

        foreach (var (key, value) in defaults.Where(d => string.IsNullOrEmpty(config[d.Key])))
        {
            config[key] = value;
        }

        var services = builder.Services;
        services.AddSingleton(CreateClock(config, demo));
        services.AddRetentionCore();
        services.AddRetentionHttp();

        // Dashboard sessions survive a restart: the data-protection keys live with the rest of the state.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        services.AddRetentionEmail(config);
        services.AddRetentionFeeds(config);
        builder.AddRetentionTelemetry();

        var provider = config[ServerOptions.StorageProvider] ?? "Sqlite";
        if (string.Equals(provider, "Cosmos", StringComparison.OrdinalIgnoreCase))
        {
            // No due-queue here: nudges are stored, and the Functions app on the same account sends them.
            services.AddRetentionCosmosStorage();
            services.AddSingleton<INudgeScheduler, StoreOnlyNudgeScheduler>();
        }
        else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            services.AddRetentionSqliteStorage();

            // On Cosmos the Functions app's timer refreshes the feeds; here this process does.
            services.AddHostedService<RegionFeedRefreshService>();
            if (config.GetValue(ServerOptions.DispatchEnabled, defaultValue: true))
            {
                services.AddRetentionDispatching();
            }
        }
        else
        {
            throw new SettingException($"{ServerOptions.StorageProvider} must be Sqlite or Cosmos, not \"{provider}\".");
        }

        if (demo)
        {
            services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.AddHostedService<DemoSeeder>();
        }

        return builder;
    }

    public static WebApplication MapRetentionServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapRetentionTelemetry();
        app.MapRetentionApi();

        // The interactive reference over the OpenAPI document; the Functions app serves neither.
        app.MapScalarApiReference("/docs", o => o.WithTitle("Retention API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        if (app.Configuration.GetValue<bool>(DemoOptions.SectionName + ":Enabled"))
        {
            app.MapOutbox(Path.Combine(app.Configuration[ServerOptions.DataDirectory]!, "outbox"));
        }

        return app;
    }

    private static TimeProvider CreateClock(IConfiguration config, bool demo)
    {
        var offset = config.GetValue<TimeSpan?>(ServerOptions.ClockOffset) ?? TimeSpan.Zero;
        if (demo)
        {
            var secondsPerDay = config.GetValue<double?>(DemoOptions.SectionName + ":SecondsPerDay") ?? new DemoOptions().SecondsPerDay;
            return new AcceleratedTimeProvider(DateTimeOffset.UtcNow + offset, TimeSpan.FromDays(1).TotalSeconds / secondsPerDay);
        }

        return offset == TimeSpan.Zero ? TimeProvider.System : new AcceleratedTimeProvider(DateTimeOffset.UtcNow + offset, 1.0);
    }
}
