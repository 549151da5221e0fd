using System.Globalization;
using System.Text.Json.Nodes;

namespace Retention.Infra.Tests;

/// <summary>host.json: version 2.0 and Service Bus settings consistent with the dispatch trigger and the queue.</summary>
public sealed class HostJsonTests
{
    private static JsonObject Host() => JsonNode.Parse(File.ReadAllText(Repository.File("host.json")))!.AsObject();

    private static JsonNode ServiceBus() => Host()["extensions"]!["serviceBus"]!;

    [Fact]
    public void Is_version_2()
    {
        Assert.Equal("2.0", (string?)Host()["version"]);
    }

    [Fact]
    public void Leaves_settling_to_the_trigger_as_the_trigger_declares()
    {
        var trigger = File.ReadAllText(Repository.File("functions", "Messaging", "DispatchNudgeFunction.cs"));

        Assert.False((bool)ServiceBus()["autoCompleteMessages"]!);
        Assert.Contains("AutoCompleteMessages = false", trigger, StringComparison.Ordinal);
        Assert.Contains("ServiceBusMessageActions", trigger, StringComparison.Ordinal);
    }

    [Fact]
    public void Bounds_concurrency_and_does_not_prefetch()
    {
        Assert.InRange((int)ServiceBus()["maxConcurrentCalls"]!, 1, 32);
        Assert.Equal(0, (int)ServiceBus()["prefetchCount"]!);
    }

    [Fact]
    public async Task Renews_the_lock_for_longer_than_the_queue_lock_duration()
    {
        var renewal = TimeSpan.Parse((string)ServiceBus()["maxAutoLockRenewalDuration"]!, CultureInfo.InvariantCulture);
        var queue = Assert.Single((await CompiledTemplate.GetAsync()).Resources("Microsoft.ServiceBus/namespaces/queues"));
        var lockDuration = System.Xml.XmlConvert.ToTimeSpan((string)queue["properties"]!["lockDuration"]!);

        Assert.True(renewal > lockDuration, $"{renewal} <= {lockDuration}");
    }

    [Fact]
    public void Function_timeout_outlasts_the_lock_renewal()
    {
        var timeout = TimeSpan.Parse((string)Host()["functionTimeout"]!, CultureInfo.InvariantCulture);
        var renewal = TimeSpan.Parse((string)ServiceBus()["maxAutoLockRenewalDuration"]!, CultureInfo.InvariantCulture);

        Assert.True(timeout >= renewal);
    }

    [Fact]
    public void Serves_routes_without_the_default_api_prefix_because_the_routes_carry_it()
    {
        Assert.Equal("", (string?)Host()["extensions"]!["http"]!["routePrefix"]);
        var routes = Directory.GetFiles(Repository.File("functions", "Http"), "*.cs").Select(File.ReadAllText).ToList();
        Assert.Contains(routes, r => r.Contains("\"api/v1/employers/{employerId}/enrollments\"", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Contains("Route = \"health\"", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Contains("Route = \"a/{token}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Retries_with_exponential_backoff_and_samples_without_dropping_requests_or_exceptions()
    {
        var host = Host();
        Assert.Equal("exponentialBackoff", (string?)host["retry"]!["strategy"]);
        Assert.InRange((int)host["retry"]!["maxRetryCount"]!, 1, 10);
        var sampling = host["logging"]!["applicationInsights"]!["samplingSettings"]!;
        Assert.True((bool)sampling["isEnabled"]!);
        var excluded = ((string)sampling["excludedTypes"]!).Split(';');
        Assert.Contains("Request", excluded);
        Assert.Contains("Exception", excluded);
    }
}
