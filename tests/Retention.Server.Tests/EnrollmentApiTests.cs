using System.Text.Json.Nodes;
using System.Net;

namespace Retention.Server.Tests;

public sealed class EnrollmentApiTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Enrol_returns_201_with_location_and_plans_the_journey()
    {
        using var client = factory.ClientFor(factory.AcmeKey);

        using var response = await client.PostAsync(new Uri(ApiRequests.Enrollments("acme"), UriKind.Relative), ApiRequests.Json(ApiRequests.ValidEnrollment("HR-CREATE")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadObjectAsync();
        var id = body["id"]!.GetValue<string>();
        Assert.Equal($"/api/v1/employers/acme/enrollments/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("active", body["status"]!.GetValue<string>());
        Assert.Equal("2027-03-01", body["arrivalDate"]!.GetValue<string>());

        using var journey = await client.GetAsync(new Uri($"{ApiRequests.Enrollments("acme")}/{id}/journey", UriKind.Relative));
        var nudges = (await journey.ReadObjectAsync())["nudges"]!.AsArray();
        Assert.Contains(nudges, n => n!["kind"]!.GetValue<string>() == "welcome-lunch" && n["audience"]!.GetValue<string>() == "ildsjel");
        Assert.All(nudges, n => Assert.Equal("scheduled", n!["status"]!.GetValue<string>()));
        Assert.All(nudges, n => Assert.EndsWith("Z", n!["dueAt"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Enrolling_the_same_external_id_again_returns_the_first_enrolment_and_writes_nothing()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var first = await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment("HR-TWICE"));
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var again = await client.PostAsync(new Uri(ApiRequests.Enrollments("acme"), UriKind.Relative), ApiRequests.Json(ApiRequests.ValidEnrollment("HR-TWICE")));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first, (await again.ReadObjectAsync())["id"]!.GetValue<string>());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Fact]
    public async Task The_same_external_id_with_other_details_is_409_naming_the_enrolment_and_the_fields_and_writes_nothing()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var first = await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment("HR-OTHER"));
        var other = ApiRequests.ValidEnrollment("HR-OTHER");
        other["newcomer"]!["email"] = "someone.else@example.com";
        other["startDate"] = "2027-03-04";
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var response = await client.PostAsync(new Uri(ApiRequests.Enrollments("acme"), UriKind.Relative), ApiRequests.Json(other));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(["newcomer.email", "startDate"], problem["errors"]!.AsObject().Select(e => e.Key).ToList());
        Assert.Equal(first, problem["enrollmentId"]!.GetValue<string>());
        Assert.Contains(first, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Fact]
    public async Task After_a_cancel_the_same_body_is_answered_with_the_cancelled_enrolment_and_another_body_is_409()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var first = await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment("HR-CANCELLED"));
        using (var cancel = await client.DeleteAsync(new Uri($"{ApiRequests.Enrollments("acme")}/{first}", UriKind.Relative)))
        {
            Assert.True(cancel.IsSuccessStatusCode);
        }

        var other = ApiRequests.ValidEnrollment("HR-CANCELLED");
        other["ildsjel"]!["name"] = "Ola";
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var same = await client.PostAsync(new Uri(ApiRequests.Enrollments("acme"), UriKind.Relative), ApiRequests.Json(ApiRequests.ValidEnrollment("HR-CANCELLED")));
        using var different = await client.PostAsync(new Uri(ApiRequests.Enrollments("acme"), UriKind.Relative), ApiRequests.Json(other));

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var body = await same.ReadObjectAsync();
        Assert.Equal((first, "cancelled"), (body["id"]!.GetValue<string>(), body["status"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, different.StatusCode);
        Assert.Equal(["ildsjel.name"], await ApiRequests.ProblemFieldsAsync(different));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    public static TheoryData<string, string, string> BadBodies()
    {
        var unknown = ApiRequests.ValidEnrollment("HR-BAD");
        unknown["nationality"] = "US";
        var nestedUnknown = ApiRequests.ValidEnrollment("HR-BAD");
        nestedUnknown["newcomer"]!["shoeSize"] = 42;
        var wrongType = ApiRequests.ValidEnrollment("HR-BAD");
        wrongType["family"]!["partner"] = "yes";
        var missing = ApiRequests.ValidEnrollment("HR-BAD");
        missing.Remove("arrivalDate");
        missing["ildsjel"]!.AsObject().Remove("email");
        var badDates = ApiRequests.ValidEnrollment("HR-BAD");
        badDates["arrivalDate"] = "2027-02-30";
        badDates["startDate"] = "yesterday";
        var badEmail = ApiRequests.ValidEnrollment("HR-BAD");
        badEmail["newcomer"]!["email"] = "not-an-address";
        badEmail["newcomer"]!["timeZone"] = "Mars/Olympus";
        static string ValidEnrollment() => ApiRequests.ValidEnrollment("HR-BAD").ToJsonString();
        return new TheoryData<string, string, string>
        {
            { "malformed JSON", "{\"externalId\": \"HR-BAD\", ", "body" },
            { "unknown field", unknown.ToJsonString(), "nationality" },
            { "unknown nested field", nestedUnknown.ToJsonString(), "newcomer.shoeSize" },
            { "wrong type", wrongType.ToJsonString(), "family.partner" },
            { "missing fields", missing.ToJsonString(), "arrivalDate|ildsjel.email" },
            { "bad dates", badDates.ToJsonString(), "arrivalDate|startDate" },
            { "bad e-mail and zone", badEmail.ToJsonString(), "newcomer.email|newcomer.timeZone" },
            { "not an object", "[1,2,3]", "body" },
            { "repeated field", ValidEnrollment().Replace("\"startDate\"", "\"arrivalDate\":\"2027-03-05\",\"startDate\"", StringComparison.Ordinal), "arrivalDate" },
        };
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_enrolment_bodies_are_400_problems_naming_the_fields_and_change_nothing(string why, string body, string fields)
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var response = await client.PostAsync(new Uri(ApiRequests.Enrollments("acme"), UriKind.Relative), ApiRequests.RawJson(body));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        var reported = await ApiRequests.ProblemFieldsAsync(response);
        foreach (var field in fields.Split('|'))
        {
            Assert.Contains(field, reported);
        }

        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Fact]
    public async Task Oversized_and_non_json_bodies_are_refused_and_change_nothing()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var before = await StoreSnapshot.TakeAsync(factory.Services);
        var huge = ApiRequests.ValidEnrollment("HR-HUGE");
        huge["municipality"] = new string('x', 200_000);

        using var tooLarge = await client.PostAsync(new Uri(ApiRequests.Enrollments("acme"), UriKind.Relative), ApiRequests.Json(huge));
        using var notJson = await client.PostAsync(new Uri(ApiRequests.Enrollments("acme"), UriKind.Relative), new StringContent("externalId=1", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Fact]
    public async Task Get_and_list_show_the_enrolment_and_the_list_pages_with_a_cursor()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment($"HR-PAGE-{i}")));
        }

        using var one = await client.GetAsync(new Uri($"{ApiRequests.Enrollments("acme")}/{ids[0]}", UriKind.Relative));
        Assert.Equal("HR-PAGE-0", (await one.ReadObjectAsync())["externalId"]!.GetValue<string>());

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var url = $"{ApiRequests.Enrollments("acme")}?status=active&limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var page = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await page.ReadObjectAsync();
            var items = body["items"]!.AsArray();
            Assert.InRange(items.Count, 0, 2);
            seen.AddRange(items.Select(i => i!["id"]!.GetValue<string>()));
            cursor = body["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(ids, id => Assert.Contains(id, seen));
    }

    [Theory]
    [InlineData("?status=sleeping", "status")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1000", "limit")]
    public async Task Bad_list_parameters_are_400_naming_the_parameter(string query, string field)
    {
        using var client = factory.ClientFor(factory.AcmeKey);

        using var response = await client.GetAsync(new Uri(ApiRequests.Enrollments("acme") + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ApiRequests.ProblemFieldsAsync(response));
    }

    [Fact]
    public async Task Unknown_enrolment_is_404_problem()
    {
        using var client = factory.ClientFor(factory.AcmeKey);

        using var response = await client.GetAsync(new Uri($"{ApiRequests.Enrollments("acme")}/does-not-exist", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Missing_or_invalid_key_is_401()
    {
        using var anonymous = factory.CreateClient();
        using var forged = factory.ClientFor("rtn_0123456789abcdef_not-the-secret");

        using var a = await anonymous.GetAsync(new Uri(ApiRequests.Enrollments("acme"), UriKind.Relative));
        using var b = await forged.GetAsync(new Uri(ApiRequests.Enrollments("acme"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, b.StatusCode);
    }
}
