using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using NodaTime;
using static Retention.Feeds.Tests.Feeds;

namespace Retention.Feeds.Tests;

public sealed class RegionFeedFetcherTests
{
    private static Task Calendar(HttpContext context, string etag = "\"v1\"")
    {
        context.Response.ContentType = "text/calendar; charset=utf-8";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = "Mon, 01 Feb 2027 08:00:00 GMT";
        return context.Response.WriteAsync(WeeklyCafe);
    }

    [Fact]
    public async Task A_weekly_event_is_expanded_over_the_horizon_and_belongs_to_the_feeds_municipality()
    {
        await using var server = await FeedServer.StartAsync(context => Calendar(context));
        var before = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow);

        var feed = await Fetcher().FetchAsync(Feed(server.Url("/events.ics"), GoodEvent), Oslo, March2027, CancellationToken.None);

        Assert.Null(feed.LastError);
        Assert.Equal([2, 9, 16, 23, 30], feed.Events.Select(e => e.Start.InZone(Oslo).Day));
        Assert.All(feed.Events, e => Assert.Equal(("Haugesund", "Language café"), (e.Municipality, e.Title)));
        Assert.Equal("\"v1\"", feed.ETag);
        Assert.Equal("Mon, 01 Feb 2027 08:00:00 GMT", feed.LastModified);
        Assert.True(feed.LastSuccessAt >= before);
        Assert.Equal(feed.LastSuccessAt, feed.LastAttemptAt);
    }

    [Fact]
    public async Task A_second_fetch_sends_the_etag_and_a_304_keeps_the_events_and_moves_the_success_time()
    {
        await using var server = await FeedServer.StartAsync(context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            return Calendar(context);
        });
        var fetcher = Fetcher();
        var first = await fetcher.FetchAsync(Feed(server.Url("/events.ics")), Oslo, March2027, CancellationToken.None);

        // Earlier success and a marker event, so an untouched list and a moved time can both be seen.
        var stored = first with { LastSuccessAt = Instant.FromUtc(2027, 1, 1, 0, 0), Events = [.. first.Events, GoodEvent] };
        var second = await fetcher.FetchAsync(stored, Oslo, March2027, CancellationToken.None);

        Assert.Equal(["", "\"v1\""], server.Requests.Select(r => r.IfNoneMatch));
        Assert.Null(second.LastError);
        Assert.Same(stored.Events, second.Events);
        Assert.True(second.LastSuccessAt > first.LastSuccessAt);
        Assert.Equal(second.LastSuccessAt, second.LastAttemptAt);
        Assert.Equal("\"v1\"", second.ETag);
    }

    [Fact]
    public async Task A_server_error_keeps_the_last_good_events_and_records_the_status_after_retrying()
    {
        await using var server = await FeedServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return context.Response.WriteAsync("secret stack trace");
        });
        var stale = Feed(server.Url("/events.ics"), GoodEvent);

        var feed = await Fetcher().FetchAsync(stale, Oslo, March2027, CancellationToken.None);

        AssertKeptLastGood(stale, feed, "HTTP 500");
        Assert.Equal(3, server.Requests.Count); // the first try and two retries
    }

    [Fact]
    public async Task A_missing_feed_is_not_retried()
    {
        await using var server = await FeedServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        var stale = Feed(server.Url("/gone.ics"), GoodEvent);

        var feed = await Fetcher().FetchAsync(stale, Oslo, March2027, CancellationToken.None);

        AssertKeptLastGood(stale, feed, "HTTP 404");
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_keeps_the_last_good_events()
    {
        await using var server = await FeedServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await Calendar(context);
        });
        var stale = Feed(server.Url("/events.ics"), GoodEvent);
        var clock = Stopwatch.StartNew();

        var feed = await Fetcher(("Timeout", "00:00:00.300")).FetchAsync(stale, Oslo, March2027, CancellationToken.None);

        AssertKeptLastGood(stale, feed, "timed out after 0.3 s");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_body_past_the_limit_is_cut_off_while_streaming_and_keeps_the_last_good_events()
    {
        var twentyMegabytes = 20 * 1024 * 1024;
        await using var server = await FeedServer.StartAsync(async context =>
        {
            // No Content-Length: the limit has to be counted on the stream.
            context.Response.ContentType = "text/calendar";
            var line = System.Text.Encoding.ASCII.GetBytes("X-FILLER:" + new string('x', 1014) + "\r\n");
            for (var written = 0; written < twentyMegabytes && !context.RequestAborted.IsCancellationRequested; written += line.Length)
            {
                await context.Response.Body.WriteAsync(line, context.RequestAborted);
            }
        });
        var stale = Feed(server.Url("/events.ics"), GoodEvent);

        var feed = await Fetcher().FetchAsync(stale, Oslo, March2027, CancellationToken.None);

        AssertKeptLastGood(stale, feed, "body larger than 5 MB");
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_the_allowed_redirects()
    {
        await using var server = await FeedServer.StartAsync(context =>
        {
            context.Response.Redirect("/loop");
            return Task.CompletedTask;
        });
        var stale = Feed(server.Url("/loop"), GoodEvent);

        var feed = await Fetcher(("MaxRedirects", "3")).FetchAsync(stale, Oslo, March2027, CancellationToken.None);

        AssertKeptLastGood(stale, feed, "too many redirects");
        Assert.Equal(4, server.Requests.Count); // the feed's URL and three redirects
    }

    [Fact]
    public async Task A_followed_redirect_brings_the_calendar()
    {
        await using var server = await FeedServer.StartAsync(context =>
        {
            if (context.Request.Path == "/old.ics")
            {
                context.Response.Redirect("/new.ics", permanent: true);
                return Task.CompletedTask;
            }

            return Calendar(context);
        });

        var feed = await Fetcher().FetchAsync(Feed(server.Url("/old.ics")), Oslo, March2027, CancellationToken.None);

        Assert.Null(feed.LastError);
        Assert.Equal(5, feed.Events.Count);
        Assert.Equal(["/old.ics", "/new.ics"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task An_html_page_is_not_a_calendar()
    {
        await using var server = await FeedServer.StartAsync(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync("<html><body>" + WeeklyCafe + "</body></html>");
        });
        var stale = Feed(server.Url("/events.ics"), GoodEvent);

        var feed = await Fetcher().FetchAsync(stale, Oslo, March2027, CancellationToken.None);

        AssertKeptLastGood(stale, feed, "not a calendar (text/html)");
    }

    [Theory]
    [InlineData("http://10.0.0.1/events.ics", "redirect refused: address 10.0.0.1 is not allowed")]
    [InlineData("http://[::ffff:192.168.1.1]/events.ics", "redirect refused: address ::ffff:192.168.1.1 is not allowed")]
    [InlineData("ftp://example.org/events.ics", "redirect refused: scheme ftp is not allowed (only http and https)")]
    [InlineData("file:///etc/passwd", "redirect refused: scheme file is not allowed (only http and https)")]
    public async Task A_redirect_inwards_or_off_http_is_refused(string target, string error)
    {
        await using var server = await FeedServer.StartAsync(context =>
        {
            context.Response.Redirect(target);
            return Task.CompletedTask;
        });
        var stale = Feed(server.Url("/events.ics"), GoodEvent);

        var feed = await Fetcher().FetchAsync(stale, Oslo, March2027, CancellationToken.None);

        AssertKeptLastGood(stale, feed, error);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_loopback_address_is_refused_before_any_request_when_loopback_is_not_allowed()
    {
        await using var server = await FeedServer.StartAsync(context => Calendar(context));
        var stale = Feed(server.Url("/events.ics"), GoodEvent);

        var feed = await Fetcher(("AllowLoopback", "false")).FetchAsync(stale, Oslo, March2027, CancellationToken.None);

        AssertKeptLastGood(stale, feed, "address 127.0.0.1 is not allowed");
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_at_connect_time()
    {
        // "localhost" passes the URL check (it is a name): the connect-time guard sees what it resolves to.
        await using var server = await FeedServer.StartAsync(context => Calendar(context));
        var stale = Feed($"http://localhost:{server.BaseAddress.Port}/events.ics", GoodEvent);
        Assert.Null(RegionFeedAddress.Problem(stale.Url));

        var feed = await Fetcher(("AllowLoopback", "false")).FetchAsync(stale, Oslo, March2027, CancellationToken.None);

        Assert.Equal(stale.Events, feed.Events);
        Assert.Matches("^address (127\\.0\\.0\\.1|::1) is not allowed$", feed.LastError);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_a_fetch_failure()
    {
        await using var server = await FeedServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Fetcher().FetchAsync(Feed(server.Url("/events.ics"), GoodEvent), Oslo, March2027, cancel.Token));
    }

    private static void AssertKeptLastGood(Core.Regions.RegionFeed stale, Core.Regions.RegionFeed feed, string error)
    {
        Assert.Equal(error, feed.LastError);
        Assert.Equal(stale.Events, feed.Events);
        Assert.NotEmpty(feed.Events);
        Assert.Equal(stale.LastSuccessAt, feed.LastSuccessAt);
        Assert.NotNull(feed.LastAttemptAt);
        Assert.True(feed.LastAttemptAt > stale.LastSuccessAt);
    }
}
