using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Retention.Server.Tests;

/// <summary>
/// The OpenAPI document held against the server's real endpoint table, so a route added later without its body,
/// responses or key requirement fails here rather than surprising a reader of <c>/docs</c>.
/// </summary>
public sealed class OpenApiDocumentTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>
{
    // Commands whose whole meaning is the route: they take no body by design.
    private static readonly string[] NoBodyByDesign =
        ["POST /api/v1/employers/{employerId}/enrollments/{id}/pause", "POST /api/v1/employers/{employerId}/enrollments/{id}/resume", "POST /api/v1/regions/{regionId}/feeds/{feedId}:refresh"];

    [Fact]
    public async Task Every_api_route_is_documented_with_its_body_responses_and_key()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();
        var routes = ApiRoutes();
        Assert.True(routes.Count >= 25, $"only {routes.Count} API routes found");

        var wrong = new List<string>();
        foreach (var (method, route) in routes)
        {
            var name = $"{method} {route}";
            if (paths[route]?[method.ToLowerInvariant()] is not JsonObject operation)
            {
                wrong.Add($"{name}: not in the document");
                continue;
            }

            if (method is "POST" or "PUT" or "PATCH" && !NoBodyByDesign.Contains(name, StringComparer.Ordinal)
                && operation["requestBody"]?["content"] is not JsonObject { Count: > 0 })
            {
                wrong.Add($"{name}: no request body");
            }

            var success = (operation["responses"]?.AsObject() ?? []).Where(r => r.Key.StartsWith('2')).ToList();
            if (success.Count == 0)
            {
                wrong.Add($"{name}: no success response");
            }

            wrong.AddRange(success
                .Where(r => r.Key != "204" && r.Value?["content"] is not JsonObject { Count: > 0 })
                .Select(r => $"{name}: {r.Key} has no content"));
            if (operation["security"]?.AsArray().Any(s => s?["ApiKey"] is not null) != true)
            {
                wrong.Add($"{name}: no X-Api-Key requirement");
            }

            if (operation["summary"] is null)
            {
                wrong.Add($"{name}: no summary");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme["type"]!.GetValue<string>(), scheme["in"]!.GetValue<string>(), scheme["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bodies_carry_their_media_type_and_an_example()
    {
        var paths = (await DocumentAsync())["paths"]!;
        var import = paths["/api/v1/employers/{employerId}/enrollments:import"]!["post"]!["requestBody"]!["content"]!.AsObject();
        Assert.Equal(["text/csv"], import.Select(c => c.Key));
        var region = paths["/api/v1/regions/{regionId}"]!["put"]!["requestBody"]!["content"]!["application/json"]!;
        Assert.NotNull(region["schema"]!["properties"]!["municipalities"]);
        Assert.NotNull(region["example"]);
        var enroll = paths["/api/v1/employers/{employerId}/enrollments"]!["post"]!;
        Assert.Equal("HR-4711", enroll["requestBody"]!["content"]!["application/json"]!["example"]!["externalId"]!.GetValue<string>());
        Assert.NotNull(enroll["responses"]!["201"]);
        Assert.NotNull(enroll["responses"]!["400"]);
        var outcome = paths["/api/v1/employers/{employerId}/enrollments/{id}/outcome"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Contains("partner-job", outcome["properties"]!["reason"]!["enum"]!.AsArray().Select(v => v?.GetValue<string>()));
    }

    [Fact]
    public async Task The_reference_page_answers_with_html()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/docs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // The page loads the document relative to itself (Scalar redirects /docs to /docs/).
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.ReadObjectAsync();
    }

    private List<(string Method, string Route)> ApiRoutes() =>
        factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [], Route: "/" + e.RoutePattern.RawText!.TrimStart('/')))
            .Where(e => e.Route.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => (m, e.Route)))
            .Distinct()
            .ToList();
}
