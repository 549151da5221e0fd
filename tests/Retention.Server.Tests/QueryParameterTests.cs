using System.Net;
using System.Text.Json.Nodes;

namespace Retention.Server.Tests;

/// <summary>
/// Every query parameter of every route, with garbage, in Development and in Production: a 400 problem naming the
/// parameter, never a 500 or an empty 400. The routes and their parameters come from the server's own OpenAPI
/// document, so a route added later is probed too; the HR page, which is left out of that document, is added here.
/// </summary>
public sealed class QueryParameterTests(RetentionApiFactory development, ProductionRetentionApiFactory production)
    : IClassFixture<RetentionApiFactory>, IClassFixture<ProductionRetentionApiFactory>
{
    private static readonly string[] Garbage = ["abc", "", "-1", "1.5", "99999999999999999999", "2027-01-11T00:00", "%00", "active,paused", new string('x', 300)];

    private static readonly (string Route, string Parameter)[] OutsideTheDocument = [("/dashboard/{employerId}", "from"), ("/dashboard/{employerId}", "to")];

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Garbage_in_any_query_parameter_is_a_400_problem_naming_it(string environment)
    {
        var factory = environment == "Production" ? production : development;
        Assert.Equal(environment, factory.EnvironmentName);
        await factory.InitializeKeysAsync();
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment("HR-QUERY"));
        var parameters = await QueryParametersAsync(client);
        Assert.Contains(("/api/v1/employers/{employerId}/enrollments", "limit"), parameters);
        Assert.Contains(("/api/v1/employers/{employerId}/dashboard", "from"), parameters);
        Assert.Contains(("/api/v1/regions/{regionId}/events", "municipality"), parameters);

        var wrong = new List<string>();
        foreach (var (route, parameter) in parameters.Concat(OutsideTheDocument))
        {
            var path = route.Replace("{employerId}", "acme", StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal)
                .Replace("{regionId}", Retention.Core.Content.SampleRegions.HaugalandetId, StringComparison.Ordinal);
            foreach (var value in Garbage)
            {
                var query = value == "active,paused" ? $"{parameter}=active&{parameter}=paused" : $"{parameter}={Uri.EscapeDataString(value).Replace("%2500", "%00", StringComparison.Ordinal)}";
                using var response = await client.GetAsync(new Uri($"{path}?{query}", UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                var named = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                    && JsonNode.Parse(body)?["errors"]?[parameter] is JsonArray { Count: > 0 };
                if (response.StatusCode != HttpStatusCode.BadRequest || !named)
                {
                    wrong.Add($"{path}?{query} → {(int)response.StatusCode} {body[..Math.Min(body.Length, 120)]}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>The GET routes' query parameters as the OpenAPI document lists them.</summary>
    private static async Task<List<(string Route, string Parameter)>> QueryParametersAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var paths = (await response.ReadObjectAsync())["paths"]!.AsObject();
        return paths
            .Where(p => p.Value?["get"] is not null)
            .SelectMany(p => (p.Value!["get"]!["parameters"]?.AsArray() ?? [])
                .Where(q => q!["in"]!.GetValue<string>() == "query")
                .Select(q => (p.Key, q!["name"]!.GetValue<string>())))
            .ToList();
    }
}
