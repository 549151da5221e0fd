using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Server.Tests.Regions;

/// <summary>A server that has not been given the sample region: it invents nothing (tests elsewhere publish the sample).</summary>
public sealed class RealContentApiFactory : RetentionApiFactory
{
    protected override bool PublishesSampleRegion => false;
}

/// <summary>
/// Rendering binds what the region published, at send time: a local-events mail lists the region's event; with no
/// region (or nothing in the window) the nudge is skipped with its reason instead of an empty promise; nothing of the
/// sample region reaches a message outside the demo and the tests that publish it.
/// </summary>
public sealed class RegionalContentRenderingTests(RealContentApiFactory factory) : IClassFixture<RealContentApiFactory>, IAsyncLifetime
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_a_region_the_local_events_nudge_is_skipped_with_its_reason_and_no_invented_content_is_sent()
    {
        using var api = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(api, "acme", Enrollment("HR-NOREGION", "Ølen"));

        var nudge = await FirstAsync(id, "local-events", Audience.Newcomer);
        var outcome = await DueDispatch.AtDueTimeAsync(factory, nudge);
        using var preview = await api.GetAsync(new Uri($"/api/v1/employers/acme/enrollments/{id}/journey/preview", UriKind.Relative));
        var journey = await (await api.GetAsync(new Uri($"/api/v1/employers/acme/enrollments/{id}/journey", UriKind.Relative))).ReadObjectAsync();

        Assert.Equal(DispatchResult.Skipped, outcome.Result);
        var shown = journey["nudges"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == nudge.Id)!;
        Assert.Equal(("skipped", "no local events in Ølen in the next 14 days"), (shown["status"]!.GetValue<string>(), shown["statusReason"]!.GetValue<string>()));
        var previewText = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.DoesNotContain("example.org", previewText, StringComparison.Ordinal);
        Assert.DoesNotContain("Haugalandet", previewText, StringComparison.Ordinal);
        Assert.DoesNotContain(Outbox(), f => File.ReadAllText(f).Contains("example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_enrolment_in_the_region_gets_the_local_events_mail_listing_the_region_s_event()
    {
        using var api = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(api, "acme", Enrollment("HR-STORD", "Stord"));
        var nudge = await FirstAsync(id, "local-events", Audience.Newcomer);
        var at = nudge.DueAt.InZone(Oslo).Date.PlusDays(3).At(new LocalTime(18, 30));
        var document = RegionApiTests.Document("sunnhordland-real", "Stord");
        document["events"] = new JsonArray(new JsonObject
        {
            ["municipality"] = "Stord", ["title"] = "Stord choir open rehearsal", ["place"] = "Kulturhuset",
            ["start"] = at.ToString("uuuu'-'MM'-'dd'T'HH':'mm", CultureInfo.InvariantCulture), ["url"] = "https://stord.example/choir",
        });
        using var curator = factory.ClientFor(await RegionApiTests.RegionKeyAsync(factory, "sunnhordland-real"));
        using (var published = await curator.PutAsync(new Uri("/api/v1/regions/sunnhordland-real", UriKind.Relative), ApiRequests.Json(document)))
        {
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        }

        var outcome = await DueDispatch.AtDueTimeAsync(factory, nudge);

        Assert.Equal(DispatchResult.Sent, outcome.Result);
        var mail = Outbox().Select(f => MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Any(a => a.Address == "hr-stord.newcomer@example.com") && (m.TextBody ?? "").Contains("choir", StringComparison.Ordinal));
        Assert.Contains("Stord choir open rehearsal", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://stord.example/choir", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("18:30", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", mail.TextBody, StringComparison.Ordinal);
    }

    /// <summary>Arrival two months after the test clock, wherever an earlier test left it (the class shares one clock).</summary>
    private JsonObject Enrollment(string externalId, string municipality)
    {
        var body = ApiRequests.ValidEnrollment(externalId);
        var arrival = Instant.FromDateTimeOffset(factory.Clock.GetUtcNow()).InZone(Oslo).Date.PlusDays(60);
        body["arrivalDate"] = arrival.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);
        body["startDate"] = arrival.PlusDays(2).ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);
        body["municipality"] = municipality;
        body["newcomer"]!["email"] = externalId.ToLowerInvariant() + ".newcomer@example.com";
        body["newcomer"]!["timeZone"] = "Europe/Oslo";
        return body;
    }

    private async Task<Nudge> FirstAsync(string enrollmentId, string kind, Audience audience) =>
        (await factory.Services.GetRequiredService<INudgeStore>().GetJourneyAsync("acme", enrollmentId, CancellationToken.None))
            .Where(n => n.Kind == kind && n.Audience == audience && n.Status == NudgeStatus.Scheduled)
            .MinBy(n => n.DueAt)!;

    private IEnumerable<string> Outbox()
    {
        var outbox = Path.Combine(factory.DataDirectory, "outbox");
        return Directory.Exists(outbox) ? Directory.EnumerateFiles(outbox, "*.eml").ToList() : [];
    }
}
