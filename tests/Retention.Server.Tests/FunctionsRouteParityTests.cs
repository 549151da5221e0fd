using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Retention.Testing;

namespace Retention.Server.Tests;

/// <summary>
/// The Functions app's HTTP triggers read as source (the compiled ones are held against the server by
/// tests/Retention.Functions.Tests, over the generated functions.metadata) and held against the server's
/// real endpoint table: the same routes and methods, and every employer-scoped API route behind the API-key gate
/// (<c>EmployerRoute</c>), every region route behind the region-key gate (<c>RegionRoute</c>) — the only things that keep
/// tenants and regions apart on the Functions host.
/// </summary>
public sealed partial class FunctionsRouteParityTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>
{
    // Served by the self-hosted server only: the OpenAPI document (generated from the ASP.NET Core endpoint table), its reference page and the demo outbox.
    private static readonly string[] ServerOnly = ["GET /openapi/{documentName}.json", "GET /docs/{documentName?}", "GET /docs/favicon.svg", "GET /docs/scalar.js", "GET /docs/scalar.aspnetcore.js", "GET /outbox", "GET /outbox/{name}"];

    // The HR and regional pages and their sign-ins accept a session cookie or the key in their shared handler (as in the server).
    private static readonly string[] PageRoutes =
        ["GET dashboard/{employerId}", "POST dashboard/{employerId}/session", "GET dashboard/regions/{regionId}", "POST dashboard/regions/{regionId}/session"];

    [Fact]
    public void The_functions_app_exposes_every_route_of_the_server_and_no_other()
    {
        var server = ServerRoutes().Except(ServerOnly.Select(Normalize), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var functions = FunctionTriggers().Select(t => t.Key).Order(StringComparer.Ordinal).ToList();

        Assert.True(server.Count >= 15, $"only {server.Count} server routes found");
        Assert.True(
            server.SequenceEqual(functions, StringComparer.Ordinal),
            $"server only: {string.Join(", ", server.Except(functions, StringComparer.Ordinal))}; functions only: {string.Join(", ", functions.Except(server, StringComparer.Ordinal))}");
    }

    [Fact]
    public void Every_employer_and_region_scoped_api_trigger_goes_through_its_key_gate_and_every_other_through_the_public_one()
    {
        var triggers = FunctionTriggers();
        Assert.NotEmpty(triggers);
        foreach (var trigger in triggers)
        {
            var expected = trigger.Route.Contains("{employerId}", StringComparison.Ordinal) && !PageRoutes.Contains(trigger.Key, StringComparer.Ordinal)
                ? "EmployerRoute"
                : trigger.Route.Contains("{regionId}", StringComparison.Ordinal) && !PageRoutes.Contains(trigger.Key, StringComparer.Ordinal)
                    ? "RegionRoute"
                    : "PublicRoute";
            Assert.True(expected == trigger.Gate, $"{trigger.Name} ({trigger.Key}) answers through {trigger.Gate}, expected {expected}");
        }
    }

    private List<string> ServerRoutes()
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            // Health checks are mapped for any method; the Functions app answers them on GET.
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => Normalize(m + " " + e.RoutePattern.RawText)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static List<Trigger> FunctionTriggers()
    {
        var triggers = new List<Trigger>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestTools.RepositoryRoot, "functions", "Http"), "*.cs"))
        {
            var source = File.ReadAllText(file);
            var constants = ConstantPattern().Matches(source).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            foreach (Match function in FunctionPattern().Matches(source))
            {
                var route = string.Concat(function.Groups["route"].Value.Split('+', StringSplitOptions.TrimEntries)
                    .Select(part => part.StartsWith('"') ? part.Trim('"') : constants[part]));
                triggers.Add(new Trigger(function.Groups["name"].Value, Normalize(function.Groups["method"].Value.ToUpperInvariant() + " " + route), route, function.Groups["gate"].Value));
            }
        }

        return triggers;
    }

    private static string Normalize(string methodAndRoute)
    {
        var space = methodAndRoute.IndexOf(' ', StringComparison.Ordinal);
        return methodAndRoute[..space] + " " + methodAndRoute[(space + 1)..].TrimStart('/');
    }

    private sealed record Trigger(string Name, string Key, string Route, string Gate);

    [GeneratedRegex("""const string (\w+) = "([^"]*)";""")]
    private static partial Regex ConstantPattern();

    [GeneratedRegex("""\[Function\("(?<name>\w+)"\)\]\s*public[^\[]*\[HttpTrigger\(AuthorizationLevel\.\w+, "(?<method>\w+)", Route = (?<route>[^\)]+)\)\][^=]*=>\s*(?<gate>\w+)\.RunAsync\(""")]
    private static partial Regex FunctionPattern();
}
