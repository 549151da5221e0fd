using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Dispatch;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Server.Tests.Telemetry;

/// <summary>
/// An operator who turns on <c>Retention:Metrics:Prometheus</c> scrapes what the product did at <c>/metrics</c>: the
/// nudges planned by an enrolment, the one sent and how late it went out.
/// </summary>
public sealed class MetricsEndpointTests(PrometheusRetentionApiFactory factory) : IClassFixture<PrometheusRetentionApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_scrape_shows_the_planned_and_sent_counters_and_the_lateness_histogram_after_a_dispatch()
    {
        using var api = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(api, RetentionApiFactory.Acme, ApiRequests.ValidEnrollment("HR-METRICS"));
        var nudges = factory.Services.GetRequiredService<INudgeStore>();
        var first = (await nudges.GetJourneyAsync(RetentionApiFactory.Acme, id, CancellationToken.None))
            .Where(n => n.Audience == Audience.Ildsjel && n.Status == NudgeStatus.Scheduled)
            .MinBy(n => n.DueAt)!;

        // A minute late, as a poll that came round a little after the due time.
        factory.Clock.SetUtcNow(first.DueAt.ToDateTimeOffset().AddMinutes(1));
        var dispatcher = factory.Services.GetRequiredService<NudgeDispatcher>();
        var outcome = await dispatcher.DispatchAsync(RetentionApiFactory.Acme, first.Id, CancellationToken.None);
        Assert.Equal(DispatchResult.Sent, outcome.Result);

        // The scrape needs no API key: who may reach it is the network's business, like a health check.
        using var anonymous = factory.CreateClient();
        using var scrape = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("retention_nudges_planned_total{", text, StringComparison.Ordinal);
        Assert.Contains("retention_nudges_sent_total{", text, StringComparison.Ordinal);
        Assert.Contains($"kind=\"{first.Kind}\"", text, StringComparison.Ordinal);
        Assert.Contains("retention_nudge_dispatch_lateness_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("retention_nudge_dispatch_lateness_seconds_count{", text, StringComparison.Ordinal);
    }
}
