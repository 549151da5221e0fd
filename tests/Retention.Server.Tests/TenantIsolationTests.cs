using System.Net;
using System.Text;

namespace Retention.Server.Tests;

/// <summary>A key for employer A sees 404 for everything of employer B, on every route, and changes nothing.</summary>
public sealed class TenantIsolationTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, string?> Routes() => new()
    {
        { "GET", "/api/v1/employers/acme/enrollments", null },
        { "POST", "/api/v1/employers/acme/enrollments", "enrol" },
        { "GET", "/api/v1/employers/acme/enrollments/{id}", null },
        { "PATCH", "/api/v1/employers/acme/enrollments/{id}", "{\"municipality\":\"Karmøy\"}" },
        { "POST", "/api/v1/employers/acme/enrollments/{id}/pause", null },
        { "POST", "/api/v1/employers/acme/enrollments/{id}/resume", null },
        { "DELETE", "/api/v1/employers/acme/enrollments/{id}", null },
        { "DELETE", "/api/v1/employers/acme/enrollments/{id}/personal-data", null },
        { "POST", "/api/v1/employers/acme/enrollments:import", "csv" },
        { "GET", "/api/v1/employers/acme/enrollments/{id}/journey", null },
        { "GET", "/api/v1/employers/acme/enrollments/{id}/journey/preview", null },
        { "POST", "/api/v1/employers/acme/enrollments/{id}/checkins", "{\"belonging\":4,\"intentToStay\":5}" },
        { "POST", "/api/v1/employers/acme/enrollments/{id}/outcome", "{\"status\":\"stayed\",\"date\":\"2027-01-10\"}" },
        { "GET", "/api/v1/employers/acme/dashboard", null },
        { "GET", "/api/v1/employers/acme/dashboard.csv", null },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_employers_key_gets_404_and_changes_nothing(string method, string route, string? body)
    {
        using var acme = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(acme, "acme", ApiRequests.ValidEnrollment("HR-ISOLATION"));
        using var globex = factory.ClientFor(factory.GlobexKey);
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(route.Replace("{id}", id, StringComparison.Ordinal), UriKind.Relative))
        {
            Content = body switch
            {
                null => null,
                "enrol" => ApiRequests.Json(ApiRequests.ValidEnrollment("HR-ISOLATION-2")),
                "csv" => new StringContent("externalId,newcomerName\n", Encoding.UTF8, "text/csv"),
                _ => ApiRequests.RawJson(body),
            },
        };
        using var response = await globex.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Fact]
    public async Task An_employer_sees_only_its_own_enrolments_in_its_own_list()
    {
        using var acme = factory.ClientFor(factory.AcmeKey);
        using var globex = factory.ClientFor(factory.GlobexKey);
        var acmeId = await ApiRequests.EnrollAsync(acme, "acme", ApiRequests.ValidEnrollment("HR-MINE"));

        using var globexList = await globex.GetAsync(new Uri(ApiRequests.Enrollments("globex"), UriKind.Relative));
        using var globexGet = await globex.GetAsync(new Uri($"{ApiRequests.Enrollments("globex")}/{acmeId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, globexList.StatusCode);
        Assert.DoesNotContain(acmeId, await globexList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, globexGet.StatusCode);
    }
}
