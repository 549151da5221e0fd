using System.Net;
using System.Text.Json.Nodes;

namespace Retention.Server.Tests;

/// <summary>The dashboard's cached report is reused while nothing changed and recomputed after a write (own server, own data).</summary>
public sealed class DashboardCacheTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>
{
    [Fact]
    public async Task A_new_outcome_changes_the_next_dashboard_answer()
    {
        await factory.InitializeKeysAsync();
        using var client = factory.ClientFor(factory.AcmeKey);
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var body = ApiRequests.ValidEnrollment($"HR-CACHE-{i}");
            body["arrivalDate"] = "2026-11-02";
            body["startDate"] = "2026-11-04";
            ids.Add(await ApiRequests.EnrollAsync(client, "acme", body));
        }

        var first = await DashboardAsync(client);
        var again = await DashboardAsync(client);
        Assert.Equal(first, again);
        Assert.Equal(12, Count(first, "employed"));

        foreach (var id in ids.Take(6))
        {
            using var left = await client.PostAsync(
                new Uri($"/api/v1/employers/acme/enrollments/{id}/outcome", UriKind.Relative),
                ApiRequests.RawJson("{\"status\":\"left\",\"date\":\"2026-12-15\",\"reason\":\"career\"}"));
            left.EnsureSuccessStatusCode();
        }

        var after = await DashboardAsync(client);
        Assert.Equal(6, Count(after, "left"));
        Assert.Equal(6, Count(after, "employed"));

        // Another employer's dashboard neither sees acme's newcomers nor is served acme's cached report.
        using var globex = factory.ClientFor(factory.GlobexKey);
        using var other = await globex.GetAsync(new Uri("/api/v1/employers/globex/dashboard?to=2027-01-11", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(0, JsonNode.Parse(await other.Content.ReadAsStringAsync())!["counts"]!["enrolled"]!["value"]?.GetValue<int>() ?? 0);
    }

    private static async Task<string> DashboardAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/employers/acme/dashboard?to=2027-01-11", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static int? Count(string report, string name) => JsonNode.Parse(report)!["counts"]![name]!["value"]?.GetValue<int>();
}
