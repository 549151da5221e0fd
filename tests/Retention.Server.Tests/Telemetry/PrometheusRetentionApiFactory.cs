using Microsoft.AspNetCore.Hosting;

namespace Retention.Server.Tests.Telemetry;

/// <summary>The test server with the Prometheus scrape endpoint turned on, as an operator would.</summary>
public sealed class PrometheusRetentionApiFactory : RetentionApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(ServerOptions.MetricsPrometheus, "true");
    }
}
