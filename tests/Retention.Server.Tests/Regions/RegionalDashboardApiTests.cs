using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Access;

namespace Retention.Server.Tests.Regions;

/// <summary>
/// The regional dashboard over the real server and SQLite: only employers that share count; a cell needs newcomers of
/// at least three employers; the JSON and the page name no employer and no person.
/// </summary>
public sealed class RegionalDashboardApiTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    private static readonly string[] Employers = ["employer-one", "employer-two", "employer-three", "employer-quiet"];

    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Cells_appear_only_with_three_sharing_employers_and_never_name_an_employer_or_a_person()
    {
        using var curator = factory.ClientFor(await RegionApiTests.RegionKeyAsync(factory, "vestland-sor"));
        using (var created = await curator.PutAsync(new Uri("/api/v1/regions/vestland-sor", UriKind.Relative), ApiRequests.Json(RegionApiTests.Document("vestland-sor", "Sveio", "Etne"))))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var keys = new Dictionary<string, string>();
        foreach (var employer in Employers)
        {
            keys[employer] = await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync(employer, CancellationToken.None);
            using var api = factory.ClientFor(keys[employer]);
            for (var i = 0; i < 3; i++)
            {
                var body = ApiRequests.ValidEnrollment($"{employer}-{i}");
                body["municipality"] = "Sveio";
                body["arrivalDate"] = "2026-10-01";
                body["startDate"] = "2026-10-05";
                body["newcomer"]!["email"] = $"{employer}.{i}@example.com";
                await ApiRequests.EnrollAsync(api, employer, body);
            }
        }

        await ShareAsync(keys, "employer-one", "employer-two");
        var two = await DashboardAsync(curator);
        await ShareAsync(keys, "employer-three");
        var three = await DashboardAsync(curator);
        using var page = await curator.GetAsync(new Uri("/dashboard/regions/vestland-sor", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        using var employerTries = factory.ClientFor(keys["employer-one"]);
        using var refused = await employerTries.GetAsync(new Uri("/api/v1/regions/vestland-sor/dashboard", UriKind.Relative));

        Assert.True(Overall(two)["suppressed"]!.GetValue<bool>(), two.ToJsonString());
        Assert.Null(Overall(two)["newcomers"]);
        Assert.False(Overall(three)["suppressed"]!.GetValue<bool>(), three.ToJsonString());

        // Three sharing employers with three newcomers each; the fourth, which does not share, never counts.
        Assert.Equal(9, Overall(three)["newcomers"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        foreach (var text in new[] { two.ToJsonString(), three.ToJsonString(), html })
        {
            foreach (var secret in Employers.Concat(["@example.com", "Audrey", "Karianne"]))
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    private static JsonObject Overall(JsonObject response) => response["dashboard"]!["overall"]!.AsObject();

    private async Task ShareAsync(Dictionary<string, string> keys, params string[] employers)
    {
        foreach (var employer in employers)
        {
            using var api = factory.ClientFor(keys[employer]);
            using var response = await api.PutAsync(new Uri($"/api/v1/employers/{employer}/settings", UriKind.Relative), ApiRequests.Json(new JsonObject { ["shareWithRegion"] = true }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<JsonObject> DashboardAsync(HttpClient curator)
    {
        using var response = await curator.GetAsync(new Uri("/api/v1/regions/vestland-sor/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }
}
