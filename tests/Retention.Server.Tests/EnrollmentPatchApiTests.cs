using System.Net;
using System.Text.Json.Nodes;

namespace Retention.Server.Tests;

/// <summary>PATCH corrects contact details and the rest of the draft, and takes back the body GET returned.</summary>
public sealed class EnrollmentPatchApiTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Correcting_the_ildsjels_address_is_shown_by_get_and_re_plans_the_journey()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await EnrollAsync(client);
        var before = await GetAsync(client, id);

        using var patch = await PatchAsync(client, id, "{\"ildsjel\":{\"email\":\"karianne.h@example.no\"}}");

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var after = await GetAsync(client, id);
        Assert.Equal("karianne.h@example.no", after["ildsjel"]!["email"]!.GetValue<string>());
        Assert.Equal(before["ildsjel"]!["name"]!.GetValue<string>(), after["ildsjel"]!["name"]!.GetValue<string>());
        Assert.Equal(before["ildsjel"]!["language"]!.GetValue<string>(), after["ildsjel"]!["language"]!.GetValue<string>());
        Assert.Equal(before["planRevision"]!.GetValue<int>() + 1, after["planRevision"]!.GetValue<int>());
        Assert.NotEmpty(await ScheduledAsync(client, id, "ildsjel"));
    }

    [Fact]
    public async Task The_newcomers_contact_details_are_corrected_and_their_nudges_move_to_the_new_time_zone()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await EnrollAsync(client);

        using var patch = await PatchAsync(client, id, "{\"newcomer\":{\"name\":\"Audrey M.\",\"email\":\"audrey.m@example.com\",\"language\":\"nb\",\"timeZone\":\"Europe/Oslo\"}}");

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(JsonNode.Parse("{\"name\":\"Audrey M.\",\"email\":\"audrey.m@example.com\",\"language\":\"nb\",\"timeZone\":\"Europe/Oslo\"}"), (await GetAsync(client, id))["newcomer"], JsonNode.DeepEquals);
        var newcomerNudges = await ScheduledAsync(client, id, "newcomer");
        Assert.NotEmpty(newcomerNudges);
        Assert.All(newcomerNudges, n => Assert.Matches(@"\+0[12]:00$", n!["localDueAt"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_hr_contact_is_removed_with_null_and_added_again_and_consent_may_be_withdrawn()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await EnrollAsync(client);

        using var remove = await PatchAsync(client, id, "{\"hrContact\":null}");
        Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        Assert.Null((await GetAsync(client, id))["hrContact"]);

        using var add = await PatchAsync(client, id, "{\"hrContact\":{\"name\":\"Ola\",\"email\":\"ola@example.no\"},\"interests\":[\"chess\"],\"family\":{\"partner\":false}}");
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        var shown = await GetAsync(client, id);
        Assert.Equal("ola@example.no", shown["hrContact"]!["email"]!.GetValue<string>());
        Assert.Equal(["chess"], shown["interests"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(JsonNode.Parse("{\"partner\":false,\"childrenAges\":[4,9],\"any\":true}"), shown["family"], JsonNode.DeepEquals);

        using var withdraw = await PatchAsync(client, id, "{\"consent\":{\"newcomerNudges\":false}}");
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        Assert.Empty(await ScheduledAsync(client, id, "newcomer"));
    }

    [Fact]
    public async Task The_body_get_returned_can_be_sent_back_twice_and_changes_nothing()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await EnrollAsync(client);
        var shown = await GetAsync(client, id);
        var journey = await JourneyAsync(client, id);

        using var patch = await client.PatchAsync(Url(id), ApiRequests.Json(shown));
        using var again = await client.PatchAsync(Url(id), ApiRequests.Json(shown));

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(shown, await GetAsync(client, id), JsonNode.DeepEquals);
        Assert.Equal(journey, await JourneyAsync(client, id), JsonNode.DeepEquals);
    }

    internal static async Task<string> EnrollAsync(HttpClient client) =>
        await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment("HR-PATCH-" + Guid.NewGuid().ToString("N")[..12]));

    internal static Uri Url(string id) => new($"{ApiRequests.Enrollments("acme")}/{id}", UriKind.Relative);

    internal static Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, string body) => client.PatchAsync(Url(id), ApiRequests.RawJson(body));

    internal static async Task<JsonObject> GetAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(Url(id));
        response.EnsureSuccessStatusCode();
        return await response.ReadObjectAsync();
    }

    private static async Task<List<JsonNode?>> ScheduledAsync(HttpClient client, string id, string audience) =>
        (await JourneyAsync(client, id)).AsArray()
            .Where(n => n!["audience"]!.GetValue<string>() == audience && n["status"]!.GetValue<string>() == "scheduled").ToList();

    private static async Task<JsonNode> JourneyAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(new Uri($"{ApiRequests.Enrollments("acme")}/{id}/journey", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.ReadObjectAsync())["nudges"]!;
    }
}
