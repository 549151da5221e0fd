using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Retention.Core.Content;
using Retention.Core.Diagnostics;
using Retention.Core.Dispatch;
using Retention.Core.Email;
using Retention.Core.Journeys;
using Retention.Core.Storage;
using Retention.Core.Application;
using Retention.Core.Unsubscribes;
using Retention.Testing.Fakes;

namespace Retention.Server.Tests;

public sealed class DashboardApiTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await factory.InitializeKeysAsync();
        using var client = factory.ClientFor(factory.AcmeKey);
        for (var i = 0; i < 7; i++)
        {
            var body = ApiRequests.ValidEnrollment($"HR-DASH-{i}");
            body["arrivalDate"] = "2026-11-02";
            body["startDate"] = "2026-11-04";
            var id = await ApiRequests.EnrollAsync(client, "acme", body);
            if (i == 0)
            {
                // One departure: a count below the threshold, which must not be shown.
                using var left = await client.PostAsync(new Uri($"/api/v1/employers/acme/enrollments/{id}/outcome", UriKind.Relative), ApiRequests.RawJson("{\"status\":\"left\",\"date\":\"2026-12-15\",\"reason\":\"career\"}"));
                left.EnsureSuccessStatusCode();
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Json_dashboard_counts_the_employers_newcomers_and_suppresses_small_groups()
    {
        using var client = factory.ClientFor(factory.AcmeKey);

        using var response = await client.GetAsync(new Uri("/api/v1/employers/acme/dashboard?to=2027-01-11", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var report = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        Assert.Equal(7, report["counts"]!["enrolled"]!["value"]!.GetValue<int>());
        Assert.True(report["counts"]!["left"]!["suppressed"]!.GetValue<bool>());
        Assert.Null(report["counts"]!["left"]!["value"]);
        Assert.DoesNotContain("audrey@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Audrey", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_export_has_a_row_per_newcomer_and_no_names_or_addresses()
    {
        using var client = factory.ClientFor(factory.AcmeKey);

        using var response = await client.GetAsync(new Uri("/api/v1/employers/acme/dashboard.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 8, $"expected a header and at least 7 rows, got {lines.Length} lines");
        Assert.DoesNotContain(lines, l => l.Contains('@', StringComparison.Ordinal) || l.Contains("Audrey", StringComparison.Ordinal) || l.Contains("Karianne", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nudges_the_dispatcher_gave_up_on_are_counted_and_a_cached_report_is_refreshed_when_one_fails()
    {
        // globex, not acme: this test's failures must not show in the other tests' figures.
        using var client = factory.ClientFor(factory.GlobexKey);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await ApiRequests.EnrollAsync(client, RetentionApiFactory.Globex, ApiRequests.ValidEnrollment($"HR-FAILED-{i}")));
        }

        var before = await FailedNudgesAsync(client);
        Assert.Equal(before, await FailedNudgesAsync(client)); // the second answer comes from the report cache
        Assert.Equal((0, 0, ""), before);

        // The real dispatcher over the server's store: one permanent failure, one transient failure on the last
        // allowed attempt. Each fails the ildsjel's first message (with any nudge merged into it); the test clock is in
        // the ildsjel's sending window (the newcomer, still abroad, would be asleep and their message deferred).
        var services = factory.Services;
        var nudges = services.GetRequiredService<INudgeStore>();
        var sender = new RecordingEmailSender().Then(EmailSendResult.Permanent("550 5.1.1 mailbox unavailable"), EmailSendResult.Transient("421 try later"));
        var dispatcher = new NudgeDispatcher(
            nudges, services.GetRequiredService<IEnrollmentStore>(), services.GetRequiredService<EnrollmentChanges>(),
            services.GetRequiredService<UnsubscribeService>(), services.GetRequiredService<SendingWindow>(), services.GetRequiredService<LocalContentCheck>(), services.GetRequiredService<INudgeRenderer>(), sender,
            services.GetRequiredService<TimeProvider>(), new DispatchOptions { MaxAttempts = 1 }, services.GetRequiredService<RetentionMetrics>(), NullLogger<NudgeDispatcher>.Instance);
        foreach (var id in ids.Take(2))
        {
            var welcome = (await nudges.GetJourneyAsync(RetentionApiFactory.Globex, id, CancellationToken.None))
                .First(n => n.Audience == Audience.Ildsjel && n.Status == NudgeStatus.Scheduled);
            Assert.Equal(DispatchResult.Failed, (await dispatcher.DispatchAsync(RetentionApiFactory.Globex, welcome.Id, CancellationToken.None)).Result);
        }

        var failedInStore = 0;
        foreach (var id in ids)
        {
            failedInStore += (await nudges.GetJourneyAsync(RetentionApiFactory.Globex, id, CancellationToken.None)).Count(n => n.Status == NudgeStatus.Failed);
        }

        Assert.Equal(2, sender.Calls.Count);
        Assert.InRange(failedInStore, 2, 100);
        Assert.Equal((failedInStore, 2, string.Join(',', ids.Take(2).Order(StringComparer.Ordinal))), await FailedNudgesAsync(client));
    }

    [Theory]
    [InlineData("?from=2027-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?from=2027-02-01&to=2027-01-01", "from")]
    public async Task Bad_period_is_400_naming_the_parameter(string query, string field)
    {
        using var client = factory.ClientFor(factory.AcmeKey);

        using var response = await client.GetAsync(new Uri("/api/v1/employers/acme/dashboard" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ApiRequests.ProblemFieldsAsync(response));
    }

    [Fact]
    public async Task Page_asks_for_a_key_then_a_session_opens_it_and_another_employers_key_does_not()
    {
        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var anonymous = await browser.GetAsync(new Uri("/dashboard/acme", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("name=\"apiKey\"", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var wrong = await browser.PostAsync(new Uri("/dashboard/acme/session", UriKind.Relative), new FormUrlEncodedContent([new("apiKey", factory.GlobexKey)]));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var stillLocked = await browser.GetAsync(new Uri("/dashboard/acme", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, stillLocked.StatusCode);

        using var signIn = await browser.PostAsync(new Uri("/dashboard/acme/session", UriKind.Relative), new FormUrlEncodedContent([new("apiKey", factory.AcmeKey)]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(factory.AcmeKey, cookie, StringComparison.Ordinal);

        using var page = await browser.GetAsync(new Uri("/dashboard/acme", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/employers/acme/dashboard.csv", html, StringComparison.Ordinal);

        using var otherEmployer = await browser.GetAsync(new Uri("/dashboard/globex", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, otherEmployer.StatusCode);
    }

    /// <summary>The dashboard JSON's <c>failedNudges</c>: (nudges, newcomers, the enrolment ids listed).</summary>
    private static async Task<(int Nudges, int Newcomers, string EnrollmentIds)> FailedNudgesAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/employers/globex/dashboard?to=2027-01-11", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failed = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["failedNudges"]!;
        var listed = failed["enrollments"]!.AsArray().Select(e => e!["enrollmentId"]!.GetValue<string>());
        return (failed["nudges"]!.GetValue<int>(), failed["newcomers"]!.GetValue<int>(), string.Join(',', listed));
    }
}
