using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Access;
using Retention.Server.Cli;

namespace Retention.Server.Tests.Regions;

/// <summary>
/// A region's curators publish its document with their own key: validated whole (every bad item by its path, nothing
/// stored), versioned, each municipality in one region; the keys of regions and employers stay in their lanes.
/// </summary>
public sealed class RegionApiTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    internal static JsonObject Document(string regionId, params string[] municipalities) => new()
    {
        ["region"] = regionId,
        ["name"] = "Sunnhordland",
        ["timeZone"] = "Europe/Oslo",
        ["municipalities"] = new JsonArray([.. municipalities.Select(m => JsonValue.Create(m))]),
        ["events"] = new JsonArray(new JsonObject
        {
            ["municipality"] = municipalities[0], ["title"] = "Quiz night", ["start"] = "2027-01-14T19:00", ["end"] = "2027-01-14T21:00",
            ["place"] = "Library", ["url"] = "https://stord.example/quiz",
        }),
        ["familyActivities"] = new JsonArray(new JsonObject
        {
            ["municipality"] = municipalities[0], ["title"] = "Open gym", ["description"] = new JsonObject { ["en"] = "Saturdays", ["nb"] = "Lørdager" },
            ["minAge"] = 3, ["maxAge"] = 12,
        }),
        ["services"] = new JsonArray(new JsonObject
        {
            ["municipality"] = municipalities[0], ["kind"] = "kindergarten", ["name"] = "Barnehage", ["description"] = "Apply by 1 March", ["url"] = "https://stord.example/barnehage",
        }),
    };

    internal static async Task<string> RegionKeyAsync(RetentionApiFactory factory, string regionId)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await KeysCommand.RunAsync(["keys", "create", "--region", regionId], factory.Services, output, error);
        Assert.Equal(0, exit);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
    }

    private static Uri Region(string id, string rest = "") => new($"/api/v1/regions/{id}{rest}", UriKind.Relative);

    [Fact]
    public async Task A_region_key_publishes_the_document_and_gets_it_back_with_version_and_date()
    {
        using var curator = factory.ClientFor(await RegionKeyAsync(factory, "sunnhordland"));

        using var created = await curator.PutAsync(Region("sunnhordland"), ApiRequests.Json(Document("sunnhordland", "Stord", "Fitjar")));
        var body = await created.ReadObjectAsync();
        using var again = await curator.PutAsync(Region("sunnhordland"), ApiRequests.Json(body));
        using var get = await curator.GetAsync(Region("sunnhordland"));
        var stored = await get.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/regions/sunnhordland", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["Stord", "Fitjar"], stored["municipalities"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("Quiz night", stored["events"]![0]!["title"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(stored["version"]!.GetValue<string>()));
        Assert.NotEqual(body["version"]!.GetValue<string>(), stored["version"]!.GetValue<string>());
        Assert.NotNull(stored["updatedAt"]);

        // A body carrying an old version is refused: someone changed the region since.
        using var stale = await curator.PutAsync(Region("sunnhordland"), ApiRequests.Json(body));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task A_bad_document_names_every_bad_item_and_leaves_the_previous_version_in_place()
    {
        using var curator = factory.ClientFor(await RegionKeyAsync(factory, "nordhordland"));
        using (var first = await curator.PutAsync(Region("nordhordland"), ApiRequests.Json(Document("nordhordland", "Alver"))))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var before = await (await curator.GetAsync(Region("nordhordland"))).Content.ReadAsStringAsync();
        var bad = Document("nordhordland", "Alver");
        bad["events"]!.AsArray().Add(new JsonObject { ["municipality"] = "Alver", ["title"] = "Later", ["start"] = "tomorrow" });
        bad["events"]!.AsArray().Add(new JsonObject { ["municipality"] = "Bergen", ["title"] = "Elsewhere", ["start"] = "2027-02-01" });
        bad["services"]![0]!["url"] = "javascript:alert(1)";

        using var response = await curator.PutAsync(Region("nordhordland"), ApiRequests.Json(bad));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["events[1].start", "events[2].municipality", "services[0].url"], await ApiRequests.ProblemFieldsAsync(response));
        Assert.Equal(before, await (await curator.GetAsync(Region("nordhordland"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_municipality_of_another_region_is_409_and_the_region_id_must_match_the_url()
    {
        using var first = factory.ClientFor(await RegionKeyAsync(factory, "hardanger"));
        using var second = factory.ClientFor(await RegionKeyAsync(factory, "voss-region"));
        using (var created = await first.PutAsync(Region("hardanger"), ApiRequests.Json(Document("hardanger", "Ullensvang"))))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var taken = await second.PutAsync(Region("voss-region"), ApiRequests.Json(Document("voss-region", "Voss", "ullensvang")));
        using var mismatch = await second.PutAsync(Region("voss-region"), ApiRequests.Json(Document("hardanger", "Voss")));
        using var missing = await second.GetAsync(Region("voss-region"));

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("hardanger", (await taken.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal(["region"], await ApiRequests.ProblemFieldsAsync(mismatch));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Region_and_employer_keys_stay_in_their_lanes_on_every_route()
    {
        var regionKey = await RegionKeyAsync(factory, "midtfjord");
        using var curator = factory.ClientFor(regionKey);
        using (var created = await curator.PutAsync(Region("midtfjord"), ApiRequests.Json(Document("midtfjord", "Midtfjord"))))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var employer = factory.ClientFor(factory.AcmeKey);
        using var otherRegion = factory.ClientFor(await RegionKeyAsync(factory, "utfjord"));
        using var anonymous = factory.CreateClient();
        var feed = ApiRequests.Json(new JsonObject { ["url"] = "https://midtfjord.example/events.ics", ["municipality"] = "Midtfjord" });
        var writes = new Func<HttpClient, Task<HttpResponseMessage>>[]
        {
            c => c.PutAsync(Region("midtfjord"), ApiRequests.Json(Document("midtfjord", "Midtfjord"))),
            c => c.PutAsync(Region("midtfjord", "/feeds/main"), feed),
            c => c.DeleteAsync(Region("midtfjord", "/feeds/main")),
            c => c.PostAsync(Region("midtfjord", "/feeds/main:refresh"), null),
            c => c.GetAsync(Region("midtfjord", "/feeds")),
            c => c.GetAsync(Region("midtfjord", "/feeds/main")),
        };
        var reads = new Func<HttpClient, Task<HttpResponseMessage>>[]
        {
            c => c.GetAsync(Region("midtfjord")),
            c => c.GetAsync(Region("midtfjord", "/events?from=2027-01-01&to=2027-12-31")),
        };

        foreach (var call in writes)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await call(employer)).StatusCode);
        }

        foreach (var call in writes.Concat(reads))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await call(otherRegion)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await call(anonymous)).StatusCode);
        }

        foreach (var call in reads)
        {
            Assert.Equal(HttpStatusCode.OK, (await call(employer)).StatusCode);
        }

        // A region's key never reads an employer's people.
        foreach (var path in new[] { "/enrollments", "/dashboard", "/settings" })
        {
            using var response = await curator.GetAsync(new Uri($"/api/v1/employers/acme{path}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(KeyOwner.Region("midtfjord"), await factory.Services.GetRequiredService<ApiKeyService>().AuthenticateAsync(regionKey, CancellationToken.None));
    }

    [Fact]
    public async Task The_events_route_merges_the_document_in_time_order_and_checks_its_parameters()
    {
        using var curator = factory.ClientFor(await RegionKeyAsync(factory, "kystbyen"));
        var document = Document("kystbyen", "Kystbyen", "Øya");
        document["events"]!.AsArray().Insert(0, new JsonObject { ["municipality"] = "Øya", ["title"] = "Market", ["start"] = "2027-01-20" });
        using (var created = await curator.PutAsync(Region("kystbyen"), ApiRequests.Json(document)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var all = await curator.GetAsync(Region("kystbyen", "/events?from=2027-01-01&to=2027-01-31"));
        using var one = await curator.GetAsync(Region("kystbyen", "/events?from=2027-01-01&to=2027-01-31&municipality=%C3%B8ya"));
        using var bad = await curator.GetAsync(Region("kystbyen", "/events?from=2027-13-01"));
        using var backwards = await curator.GetAsync(Region("kystbyen", "/events?from=2027-02-01&to=2027-01-01"));

        Assert.Equal(["Quiz night", "Market"], (await all.ReadObjectAsync())["events"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()));
        Assert.Equal(["Market"], (await one.ReadObjectAsync())["events"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()));
        Assert.Equal(["from"], await ApiRequests.ProblemFieldsAsync(bad));
        Assert.Equal(["to"], await ApiRequests.ProblemFieldsAsync(backwards));
    }

    [Fact]
    public async Task Sharing_with_the_region_is_off_by_default_and_dated_when_turned_on()
    {
        using var employer = factory.ClientFor(factory.GlobexKey);

        var initial = await (await employer.GetAsync(new Uri("/api/v1/employers/globex/settings", UriKind.Relative))).ReadObjectAsync();
        using var on = await employer.PutAsync(new Uri("/api/v1/employers/globex/settings", UriKind.Relative), ApiRequests.Json(new JsonObject { ["shareWithRegion"] = true }));
        var onBody = await on.ReadObjectAsync();
        using var off = await employer.PutAsync(new Uri("/api/v1/employers/globex/settings", UriKind.Relative), ApiRequests.Json(new JsonObject { ["shareWithRegion"] = false }));
        var offBody = await off.ReadObjectAsync();
        using var missing = await employer.PutAsync(new Uri("/api/v1/employers/globex/settings", UriKind.Relative), ApiRequests.Json(new JsonObject()));
        using var foreign = await employer.PutAsync(new Uri("/api/v1/employers/acme/settings", UriKind.Relative), ApiRequests.Json(new JsonObject { ["shareWithRegion"] = true }));

        Assert.False(initial["shareWithRegion"]!.GetValue<bool>());
        Assert.True(onBody["shareWithRegion"]!.GetValue<bool>());
        Assert.NotNull(onBody["sharingSince"]);
        Assert.False(offBody["shareWithRegion"]!.GetValue<bool>());
        Assert.Equal(onBody["sharingSince"]!.GetValue<string>(), offBody["sharingSince"]!.GetValue<string>());
        Assert.Equal(["shareWithRegion"], await ApiRequests.ProblemFieldsAsync(missing));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
