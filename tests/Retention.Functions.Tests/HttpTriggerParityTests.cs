extern alias functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using functions::Retention.Functions.Http;

namespace Retention.Functions.Tests;

/// <summary>
/// The compiled HTTP triggers, called as the worker calls them, answer exactly what the server's endpoint answers for
/// the same request (status, content type, body): the happy path, bad input, a foreign tenant, no key.
/// </summary>
public sealed class HttpTriggerParityTests(HostsUnderTest hosts) : IClassFixture<HostsUnderTest>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private string Enrollments(string employerId) => $"/api/v1/employers/{employerId}/enrollments";

    [Fact]
    public async Task Listing_enrollments_answers_as_the_server()
    {
        var answer = await AssertSameAnswerAsync("GET", Enrollments(HostsUnderTest.Acme), hosts.AcmeKey, null,
            req => hosts.Functions.Trigger<EnrollmentHttpFunctions>().List(req, HostsUnderTest.Acme, None));

        Assert.Equal(200, answer.Status);
        Assert.Contains(hosts.EnrollmentId, answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_an_enrollment_and_its_journey_answers_as_the_server()
    {
        var id = hosts.EnrollmentId;
        var enrollment = await AssertSameAnswerAsync("GET", Enrollments(HostsUnderTest.Acme) + "/" + id, hosts.AcmeKey, null,
            req => hosts.Functions.Trigger<EnrollmentHttpFunctions>().Get(req, HostsUnderTest.Acme, id, None));
        var journey = await AssertSameAnswerAsync("GET", Enrollments(HostsUnderTest.Acme) + "/" + id + "/journey", hosts.AcmeKey, null,
            req => hosts.Functions.Trigger<JourneyHttpFunctions>().Get(req, HostsUnderTest.Acme, id, None));

        Assert.Equal(200, enrollment.Status);
        Assert.Equal(200, journey.Status);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "newcomer": 5 }""")]
    [InlineData("not json")]
    public async Task A_bad_enrolment_is_refused_as_the_server_refuses_it(string body)
    {
        var answer = await AssertSameAnswerAsync("POST", Enrollments(HostsUnderTest.Acme), hosts.AcmeKey, body,
            req => hosts.Functions.Trigger<EnrollmentHttpFunctions>().Create(req, HostsUnderTest.Acme, None));

        Assert.InRange(answer.Status, 400, 499);
    }

    [Fact]
    public async Task An_unknown_enrollment_is_not_found_as_on_the_server()
    {
        var answer = await AssertSameAnswerAsync("GET", Enrollments(HostsUnderTest.Acme) + "/no-such-id", hosts.AcmeKey, null,
            req => hosts.Functions.Trigger<EnrollmentHttpFunctions>().Get(req, HostsUnderTest.Acme, "no-such-id", None));

        Assert.Equal(404, answer.Status);
    }

    [Fact]
    public async Task Another_employers_key_is_refused_as_the_server_refuses_it()
    {
        var id = hosts.EnrollmentId;
        var list = await AssertSameAnswerAsync("GET", Enrollments(HostsUnderTest.Acme), hosts.GlobexKey, null,
            req => hosts.Functions.Trigger<EnrollmentHttpFunctions>().List(req, HostsUnderTest.Acme, None));
        var one = await AssertSameAnswerAsync("GET", Enrollments(HostsUnderTest.Acme) + "/" + id, hosts.GlobexKey, null,
            req => hosts.Functions.Trigger<EnrollmentHttpFunctions>().Get(req, HostsUnderTest.Acme, id, None));

        Assert.InRange(list.Status, 401, 404);
        Assert.Equal(list.Status, one.Status);
        Assert.DoesNotContain(id, one.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_key_is_refused_as_the_server_refuses_it()
    {
        var answer = await AssertSameAnswerAsync("GET", Enrollments(HostsUnderTest.Acme), null, null,
            req => hosts.Functions.Trigger<EnrollmentHttpFunctions>().List(req, HostsUnderTest.Acme, None));

        Assert.Equal(401, answer.Status);
    }

    [Fact]
    public async Task Employer_settings_answer_as_the_server_for_the_owner_and_a_foreign_key()
    {
        var own = await AssertSameAnswerAsync("GET", "/api/v1/employers/acme/settings", hosts.AcmeKey, null,
            req => hosts.Functions.Trigger<EmployerSettingsHttpFunctions>().Get(req, HostsUnderTest.Acme, None));
        var foreign = await AssertSameAnswerAsync("GET", "/api/v1/employers/acme/settings", hosts.GlobexKey, null,
            req => hosts.Functions.Trigger<EmployerSettingsHttpFunctions>().Get(req, HostsUnderTest.Acme, None));
        var bad = await AssertSameAnswerAsync("PUT", "/api/v1/employers/acme/settings", hosts.AcmeKey, """{ "shareWithRegion": "yes" }""",
            req => hosts.Functions.Trigger<EmployerSettingsHttpFunctions>().Put(req, HostsUnderTest.Acme, None));

        Assert.Equal((200, 404, 400), (own.Status, foreign.Status, bad.Status));
    }

    [Fact]
    public async Task Region_routes_answer_as_the_server_for_an_employer_key()
    {
        const string region = Retention.Core.Content.SampleRegions.HaugalandetId;
        var read = await AssertSameAnswerAsync("GET", $"/api/v1/regions/{region}", hosts.AcmeKey, null,
            req => hosts.Functions.Trigger<RegionHttpFunctions>().Get(req, region, None));
        var write = await AssertSameAnswerAsync("PUT", $"/api/v1/regions/{region}", hosts.AcmeKey, "{}",
            req => hosts.Functions.Trigger<RegionHttpFunctions>().Put(req, region, None));
        var unknown = await AssertSameAnswerAsync("GET", "/api/v1/regions/nowhere", hosts.AcmeKey, null,
            req => hosts.Functions.Trigger<RegionHttpFunctions>().Get(req, "nowhere", None));
        var anonymous = await AssertSameAnswerAsync("GET", $"/api/v1/regions/{region}/feeds", null, null,
            req => hosts.Functions.Trigger<RegionHttpFunctions>().Feeds(req, region, None));

        Assert.Equal((200, 403, 404, 401), (read.Status, write.Status, unknown.Status, anonymous.Status));
        Assert.Contains("Haugesund", read.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liveness_answers_as_the_server()
    {
        var answer = await AssertSameAnswerAsync("GET", "/health", null, null, HealthHttpFunctions.Live);

        Assert.Equal(200, answer.Status);
    }

    private async Task<Answer> AssertSameAnswerAsync(string method, string path, string? apiKey, string? body, Func<HttpRequest, Task<IActionResult>> trigger)
    {
        using var client = hosts.ServerClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var server = await Answer.FromAsync(response);
        var functions = await hosts.Functions.InvokeAsync(FunctionsHost.Request(method, path, apiKey, body), trigger);

        Assert.Equal(server.WithoutTraceId(), functions.WithoutTraceId());
        return server;
    }
}
