using System.Net;

namespace Retention.Server.Tests.Telemetry;

/// <summary>A server started as it ships serves no scrape endpoint: how busy the product is, is not everybody's business.</summary>
public sealed class MetricsEndpointDefaultTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>
{
    [Fact]
    public async Task Metrics_is_not_found_unless_the_operator_turns_it_on()
    {
        using var client = factory.CreateClient();

        using var scrape = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, scrape.StatusCode);
    }
}
