using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Retention.Core.Diagnostics;

namespace Retention.Server.Telemetry;

/// <summary>
/// Exports Core's <see cref="RetentionMetrics"/> meter (with ASP.NET Core's and HttpClient's) through OpenTelemetry:
/// a Prometheus scrape endpoint when <see cref="ServerOptions.MetricsPrometheus"/> is on, and OTLP (metrics and traces)
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. With neither, nothing is registered and nothing is collected.
/// </summary>
public static class TelemetryExtensions
{
    public const string ScrapePath = "/metrics";

    private const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddRetentionTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var prometheus = builder.Configuration.GetValue<bool>(ServerOptions.MetricsPrometheus);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]);
        if (!prometheus && !otlp)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("retention-server"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RetentionMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // Traces only go somewhere over OTLP; Prometheus has no place for them.
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>Maps <see cref="ScrapePath"/> only when the Prometheus exporter is on: by default the path is not there (404).</summary>
    public static WebApplication MapRetentionTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue<bool>(ServerOptions.MetricsPrometheus))
        {
            app.MapPrometheusScrapingEndpoint(ScrapePath);
        }

        return app;
    }
}
