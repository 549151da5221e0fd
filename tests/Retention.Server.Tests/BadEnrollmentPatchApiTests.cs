using System.Net;
using System.Text.Json.Nodes;

namespace Retention.Server.Tests;

/// <summary>A PATCH that would change a read-only field, names an unknown one or breaks an enrolment rule is a 400 and changes nothing.</summary>
public sealed class BadEnrollmentPatchApiTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, JsonNode?, string> ReadOnlyChanges() => new()
    {
        { "id", "another-id", "id" },
        { "externalId", "HR-OTHER", "externalId" },
        { "status", "paused", "status" },
        { "createdAt", "2020-01-01T00:00:00Z", "createdAt" },
        { "planRevision", 7, "planRevision" },
        { "erased", true, "erased" },
        { "family.any", false, "family.any" },
        { "status", null, "status" },
    };

    [Theory]
    [MemberData(nameof(ReadOnlyChanges))]
    public async Task A_read_only_field_sent_with_another_value_is_400_is_read_only(string field, JsonNode? value, string reported)
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await EnrollmentPatchApiTests.EnrollAsync(client);
        var body = await EnrollmentPatchApiTests.GetAsync(client, id);
        var parts = field.Split('.');
        (parts.Length == 1 ? body : body[parts[0]]!.AsObject())[parts[^1]] = value;
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var response = await client.PatchAsync(EnrollmentPatchApiTests.Url(id), ApiRequests.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["is read-only"], (await response.ReadObjectAsync())["errors"]![reported]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Theory]
    [InlineData("{\"nationality\":\"US\"}", "nationality", "is not a known field")]
    [InlineData("{\"newcomer\":{\"shoeSize\":42}}", "newcomer.shoeSize", "is not a known field")]
    [InlineData("{\"ildsjel\":{\"timeZone\":\"Europe/Oslo\"}}", "ildsjel.timeZone", "is not a known field")]
    [InlineData("{\"hrContact\":{\"language\":\"nb\"}}", "hrContact.language", "is not a known field")]
    [InlineData("{\"removeHrContact\":true}", "removeHrContact", "is not a known field")]
    [InlineData("{\"consent\":{\"newcomerNudges\":null}}", "consent.newcomerNudges", "is required: say whether the newcomer agreed to receive nudges")]
    [InlineData("{\"consent\":{}}", "consent.newcomerNudges", "is required: say whether the newcomer agreed to receive nudges")]
    [InlineData("{\"newcomer\":{\"email\":\"not-an-address\"}}", "newcomer.email", "is not a valid e-mail address")]
    [InlineData("{\"newcomer\":{\"timeZone\":\"Mars/Olympus\"}}", "newcomer.timeZone", "is not a known IANA time zone (e.g. Europe/Oslo, America/Chicago)")]
    [InlineData("{\"ildsjel\":{\"email\":\"audrey@example.com\"}}", "ildsjel.email", "must differ from the newcomer's e-mail: the ildsjel is a colleague, not the newcomer")]
    [InlineData("{\"hrContact\":{\"name\":\"\"}}", "hrContact.name", "is required")]
    [InlineData("{\"ildsjel\":{\"language\":\"xx\"}}", "ildsjel.language", "unsupported language; supported: nb, en")]
    [InlineData("{\"interests\":[\"\"]}", "interests[0]", "is required")]
    [InlineData("{\"family\":{\"partner\":\"yes\"}}", "family.partner", "has the wrong type or is malformed")]
    [InlineData("{\"startDate\":\"2027-02-01\"}", "startDate", "must not be before the arrival date")]
    [InlineData("{\"municipality\":\"Karmøy\",\"Municipality\":\"Bergen\"}", "body", "gives a field more than once (names are compared in any letter case)")]
    public async Task A_change_breaking_an_enrolment_rule_or_naming_an_unknown_field_is_400_on_that_field(string patch, string field, string reason)
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await EnrollmentPatchApiTests.EnrollAsync(client);
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var response = await EnrollmentPatchApiTests.PatchAsync(client, id, patch);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.ReadObjectAsync())["errors"]![field]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }
}
