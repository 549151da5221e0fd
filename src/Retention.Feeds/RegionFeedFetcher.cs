using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly.Timeout;
using Retention.Core.Content;
using Retention.Core.Regions;

namespace Retention.Feeds;

/// <summary>
/// Fetches a region's iCalendar feed with a conditional GET and returns the feed updated: new events and validators
/// on 200, the same events on 304, and on any failure the last good events kept with <see cref="RegionFeed.LastError"/>
/// saying why in short words. Throws only when <c>cancellationToken</c> is cancelled. Redirects are followed here,
/// hop by hop, so each target is checked; the connection itself is guarded by <see cref="GuardedConnector"/>.
/// </summary>
public sealed class RegionFeedFetcher(IHttpClientFactory clients, IOptions<RegionFeedOptions> options, TimeProvider timeProvider)
{
    /// <summary>The name of the <see cref="HttpClient"/> registered by <c>AddRetentionFeeds</c>.</summary>
    public const string HttpClientName = "Retention.Feeds";

    public async Task<RegionFeed> FetchAsync(RegionFeed feed, DateTimeZone regionZone, Interval horizon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(regionZone);
        var limits = options.Value;
        string reason;
        try
        {
            var download = await DownloadAsync(feed, limits, cancellationToken).ConfigureAwait(false);
            var events = download.NotModified
                ? feed.Events
                : RegionalCalendarImport.Parse(download.Calendar!, feed.Municipality, regionZone, horizon);
            var now = Now();
            return feed with
            {
                ETag = download.ETag,
                LastModified = download.LastModified,
                Events = events,
                LastAttemptAt = now,
                LastSuccessAt = now,
                LastError = null,
            };
        }
        catch (FeedFetchFailure failure)
        {
            reason = failure.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reason = TimedOut(limits.Timeout);
        }
        catch (TimeoutRejectedException)
        {
            reason = TimedOut(limits.Timeout);
        }
        catch (HttpRequestException ex)
        {
            reason = Describe(ex);
        }
        catch (IOException)
        {
            reason = "connection lost while reading the body";
        }
        catch (FormatException)
        {
            reason = "not a calendar (unreadable iCalendar)";
        }

        return feed with { LastAttemptAt = Now(), LastError = reason };
    }

    private async Task<FeedDownload> DownloadAsync(RegionFeed feed, RegionFeedOptions limits, CancellationToken cancellationToken)
    {
        if (RegionFeedAddress.Problem(feed.Url, limits.AllowLoopback) is { } problem)
        {
            throw new FeedFetchFailure(problem);
        }

        // One deadline over every hop and the body; the resilience handler bounds each hop's send as well.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.Timeout);
        var client = clients.CreateClient(HttpClientName);
        var address = new Uri(feed.Url.Trim());
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            if (!string.IsNullOrEmpty(feed.ETag))
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", feed.ETag);
            }

            if (!string.IsNullOrEmpty(feed.LastModified))
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", feed.LastModified);
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (IsRedirect(response.StatusCode))
            {
                if (redirects >= limits.MaxRedirects)
                {
                    throw new FeedFetchFailure("too many redirects");
                }

                address = NextHop(address, response.Headers.Location, limits.AllowLoopback);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FeedDownload(null, response.Headers.ETag?.ToString() ?? feed.ETag, feed.LastModified);
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new FeedFetchFailure(string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}"));
            }

            var calendar = await FeedBody.ReadAsync(response.Content, limits.MaxBytes, deadline.Token).ConfigureAwait(false);
            var lastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);
            return new FeedDownload(calendar, response.Headers.ETag?.ToString(), lastModified);
        }
    }

    private static Uri NextHop(Uri current, Uri? location, bool allowLoopback)
    {
        if (location is null)
        {
            throw new FeedFetchFailure("redirect without a Location");
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        return RegionFeedAddress.Problem(next, allowLoopback) is { } problem
            ? throw new FeedFetchFailure("redirect refused: " + problem)
            : next;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    // The message of an HttpRequestException may carry the URL (and so a token in its query): never pass it on.
    private static string Describe(HttpRequestException ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case FeedAddressRefusedException refused:
                    return refused.Message;
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return "host not found";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused";
                case System.Security.Authentication.AuthenticationException:
                    return "TLS handshake failed";
            }
        }

        return ex.HttpRequestError == HttpRequestError.NameResolutionError ? "host not found" : "connection failed";
    }

    private static string TimedOut(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0.###} s");

    private Instant Now() => Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
}
