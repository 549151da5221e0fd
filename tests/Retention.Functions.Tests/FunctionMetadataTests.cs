extern alias functions;

using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using functions::Retention.Functions.Http;
using Retention.Server.Tests;

namespace Retention.Functions.Tests;

/// <summary>
/// The generated <c>functions.metadata</c> (what the Functions host indexes) lists every function with its trigger,
/// and its HTTP triggers are the server's endpoint table: the same methods and routes, anonymous at the host (the
/// API key is checked in the trigger, as the server's endpoint filter checks it).
/// </summary>
public sealed class FunctionMetadataTests(RetentionApiFactory server) : IClassFixture<RetentionApiFactory>
{
    // Served by the self-hosted server only: the OpenAPI document and its reference page (Scalar), generated from the
    // server's own endpoint table, and the demo outbox (not mapped outside demo mode).
    private static readonly string[] ServerOnly =
        ["GET openapi/{documentName}.json", "GET docs/{documentName?}", "GET docs/favicon.svg", "GET docs/scalar.js", "GET docs/scalar.aspnetcore.js"];

    // The timers, and the two triggers only the full build (RetentionFullAzure=true) compiles.
    private static readonly Dictionary<string, string> NonHttp = new(StringComparer.Ordinal)
    {
        ["HousekeepingFunction"] = "timerTrigger",
        ["RegionFeedsFunction"] = "timerTrigger",
        ["DispatchNudgeFunction"] = "serviceBusTrigger",
        ["DashboardAggregatesFunction"] = "cosmosDBTrigger",
    };

    [Fact]
    public void Every_function_has_one_trigger_and_an_entry_point_in_the_compiled_app()
    {
        var app = typeof(HealthHttpFunctions).Assembly;
        var functions = GeneratedFunctionMetadata.Functions();

        Assert.True(functions.Count >= 36, $"only {functions.Count} functions generated");
        Assert.Equal(functions.Count, functions.Select(f => (string)f["name"]!).Distinct(StringComparer.Ordinal).Count());
        Assert.All(functions, function =>
        {
            Assert.Equal("dotnet-isolated", (string?)function["language"]);
            Assert.Equal(app.GetName().Name + ".dll", (string?)function["scriptFile"]);
            Assert.Equal("In", (string?)GeneratedFunctionMetadata.Trigger(function)["direction"]);
            var entryPoint = (string)function["entryPoint"]!;
            var type = app.GetType(entryPoint[..entryPoint.LastIndexOf('.')], throwOnError: true)!;
            Assert.NotNull(type.GetMethod(entryPoint[(entryPoint.LastIndexOf('.') + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));
        });
    }

    [Fact]
    public void The_non_http_functions_are_the_timers_with_their_schedules()
    {
        var nonHttp = GeneratedFunctionMetadata.Functions()
            .Where(f => (string?)GeneratedFunctionMetadata.Trigger(f)["type"] != "httpTrigger")
            .ToDictionary(f => (string)f["name"]!, f => GeneratedFunctionMetadata.Trigger(f), StringComparer.Ordinal);

        Assert.All(nonHttp, f => Assert.Equal(NonHttp[f.Key], (string?)f.Value["type"]));
        Assert.Equal("0 17 * * * *", (string?)nonHttp["HousekeepingFunction"]["schedule"]);
        Assert.Equal("0 */30 * * * *", (string?)nonHttp["RegionFeedsFunction"]["schedule"]);
    }

    [Fact]
    public void The_http_triggers_are_the_servers_endpoint_table()
    {
        var triggers = GeneratedFunctionMetadata.Functions().Select(GeneratedFunctionMetadata.Trigger)
            .Where(t => (string?)t["type"] == "httpTrigger")
            .ToList();
        var functions = triggers
            .SelectMany(t => t["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant() + " " + (string)t["route"]!))
            .Order(StringComparer.Ordinal)
            .ToList();
        var endpoints = ServerEndpoints().Except(ServerOnly, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} server endpoints found");
        Assert.Equal(endpoints, functions);
        Assert.All(triggers, t => Assert.Equal("Anonymous", (string?)t["authLevel"]));
    }

    [Fact]
    public void The_host_serves_the_routes_without_a_prefix_as_the_server_does()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(GeneratedFunctionMetadata.OutputDirectory, "host.json")))!;

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Equal("", (string?)host["extensions"]!["http"]!["routePrefix"]);
    }

    private List<string> ServerEndpoints() =>
        server.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            // Health checks are mapped for any method; the Functions app answers them on GET.
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => m + " " + e.RoutePattern.RawText!.TrimStart('/')))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
