using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Retention.Core.Dispatch;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Server.Tests.Regions;

/// <summary>A server that may fetch feeds from loopback (the test's own feed server), as the setting allows.</summary>
public sealed class LoopbackFeedsApiFactory : RetentionApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Retention:Regions:Feeds:AllowLoopback", "true");
        builder.UseSetting("Retention:Regions:Feeds:Retries", "0");

        // The test clock starts a week away from any background refresh (the test jumps it only at the end).
        builder.UseSetting("Retention:Regions:Feeds:RefreshInterval", "7.00:00:00");
    }
}

/// <summary>
/// A feed subscribed through the real server is fetched at once over real HTTP; its events join the region's in the
/// events route; a failing refresh keeps them and says why; delete removes them. Without the loopback setting a
/// loopback feed is refused.
/// </summary>
public sealed class RegionFeedApiTests(LoopbackFeedsApiFactory factory, RetentionApiFactory guarded)
    : IClassFixture<LoopbackFeedsApiFactory>, IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    private const string Calendar = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Test//Feed//EN
        BEGIN:VEVENT
        UID:weekly-swim@test
        DTSTAMP:20270101T000000Z
        DTSTART;TZID=Europe/Oslo:20270112T180000
        DTEND;TZID=Europe/Oslo:20270112T193000
        RRULE:FREQ=WEEKLY;COUNT=6
        SUMMARY:Family swim
        LOCATION:Stord svømmehall
        END:VEVENT
        END:VCALENDAR
        """;

    private volatile bool _failing;

    public async Task InitializeAsync()
    {
        await factory.InitializeKeysAsync();
        await guarded.InitializeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_feed_is_fetched_at_once_merged_into_the_events_kept_on_failure_and_removed_with_its_events()
    {
        await using var feedServer = await StartFeedServerAsync();
        using var curator = factory.ClientFor(await RegionApiTests.RegionKeyAsync(factory, "feedland"));
        using (var created = await curator.PutAsync(new Uri("/api/v1/regions/feedland", UriKind.Relative), ApiRequests.Json(RegionApiTests.Document("feedland", "Feedby"))))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var subscribed = await curator.PutAsync(
            new Uri("/api/v1/regions/feedland/feeds/swim", UriKind.Relative),
            ApiRequests.Json(new JsonObject { ["url"] = feedServer.Url, ["municipality"] = "feedby" }));
        var feed = await subscribed.ReadObjectAsync();
        var events = await EventsAsync(curator);

        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.Equal((6, "Feedby"), (feed["eventCount"]!.GetValue<int>(), feed["municipality"]!.GetValue<string>()));
        Assert.NotNull(feed["lastSuccessAt"]);
        Assert.Equal(6, events.Count(t => t == "Family swim"));
        Assert.Contains("Quiz night", events);


        _failing = true;
        using var refreshed = await curator.PostAsync(new Uri("/api/v1/regions/feedland/feeds/swim:refresh", UriKind.Relative), null);
        var afterFailure = await refreshed.ReadObjectAsync();
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.True(afterFailure["lastError"]?.GetValue<string>() == "HTTP 500", afterFailure.ToJsonString());
        Assert.Equal(6, afterFailure["eventCount"]!.GetValue<int>());
        Assert.Equal(6, (await EventsAsync(curator)).Count(t => t == "Family swim"));

        var listed = await (await curator.GetAsync(new Uri("/api/v1/regions/feedland/feeds", UriKind.Relative))).ReadObjectAsync();
        Assert.Equal(["swim"], listed["feeds"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()));

        // A newcomer in the feed's municipality gets the feed's (last good) events in the local-events mail.
        var mail = await LocalEventsMailAsync();
        Assert.Contains("Family swim", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Stord svømmehall", mail.TextBody, StringComparison.Ordinal);

        using var deleted = await curator.DeleteAsync(new Uri("/api/v1/regions/feedland/feeds/swim", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain("Family swim", await EventsAsync(curator));
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync(new Uri("/api/v1/regions/feedland/feeds/swim", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Without_the_loopback_setting_a_feed_on_a_loopback_or_private_address_is_refused_and_nothing_is_fetched()
    {
        await using var feedServer = await StartFeedServerAsync();
        using var curator = guarded.ClientFor(await RegionApiTests.RegionKeyAsync(guarded, "guardland"));
        using (var created = await curator.PutAsync(new Uri("/api/v1/regions/guardland", UriKind.Relative), ApiRequests.Json(RegionApiTests.Document("guardland", "Guardby"))))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        foreach (var url in new[] { feedServer.Url, "http://10.0.0.7/events.ics", "http://169.254.169.254/latest/meta-data", "file:///etc/passwd", "events.ics" })
        {
            using var refused = await curator.PutAsync(
                new Uri("/api/v1/regions/guardland/feeds/bad", UriKind.Relative),
                ApiRequests.Json(new JsonObject { ["url"] = url, ["municipality"] = "Guardby" }));
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{url} → {(int)refused.StatusCode}");
            Assert.Equal(["url"], await ApiRequests.ProblemFieldsAsync(refused));
        }

        Assert.Equal(0, feedServer.Requests);
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync(new Uri("/api/v1/regions/guardland/feeds/bad", UriKind.Relative))).StatusCode);
    }

    private async Task<MimeKit.MimeMessage> LocalEventsMailAsync()
    {
        using var api = factory.ClientFor(factory.AcmeKey);
        var body = ApiRequests.ValidEnrollment("HR-FEEDBY");
        body["municipality"] = "Feedby";
        body["arrivalDate"] = "2027-01-11";
        body["startDate"] = "2027-01-12";
        body["newcomer"]!["email"] = "feedby.newcomer@example.com";
        body["newcomer"]!["timeZone"] = "Europe/Oslo";
        var id = await ApiRequests.EnrollAsync(api, "acme", body);
        var nudges = factory.Services.GetRequiredService<INudgeStore>();
        var nudge = (await nudges.GetJourneyAsync("acme", id, CancellationToken.None))
            .Where(n => n.Kind == "local-events" && n.Audience == Audience.Newcomer && n.Status == NudgeStatus.Scheduled).MinBy(n => n.DueAt)!;
        Assert.InRange(nudge.DueAt, NodaTime.Instant.FromUtc(2027, 1, 11, 0, 0), NodaTime.Instant.FromUtc(2027, 2, 14, 0, 0));
        factory.Clock.SetUtcNow(nudge.DueAt.ToDateTimeOffset());
        var dispatcher = factory.Services.GetRequiredService<NudgeDispatcher>();
        var outcome = await dispatcher.DispatchAsync("acme", nudge.Id, CancellationToken.None);
        Assert.Equal(DispatchResult.Sent, outcome.Result);
        return Directory.EnumerateFiles(Path.Combine(factory.DataDirectory, "outbox"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == "feedby.newcomer@example.com") && (m.TextBody ?? "").Contains("Feedby", StringComparison.Ordinal));
    }

    private static async Task<List<string>> EventsAsync(HttpClient curator)
    {
        var body = await (await curator.GetAsync(new Uri("/api/v1/regions/feedland/events?from=2027-01-01&to=2027-03-31", UriKind.Relative))).ReadObjectAsync();
        return body["events"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()).ToList();
    }

    private async Task<FeedServer> StartFeedServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app);
        app.Run(async context =>
        {
            Interlocked.Increment(ref server.RequestCount);
            if (_failing)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            context.Response.ContentType = "text/calendar; charset=utf-8";
            await context.Response.WriteAsync(Calendar.Replace("\n", "\r\n", StringComparison.Ordinal));
        });
        await app.StartAsync();
        return server;
    }

    private sealed class FeedServer(WebApplication app) : IAsyncDisposable
    {
        public int RequestCount;

        public int Requests => Volatile.Read(ref RequestCount);

        public string Url => app.Urls.Single() + "/swim.ics";

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
