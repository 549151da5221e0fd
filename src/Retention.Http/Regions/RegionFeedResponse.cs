using NodaTime;
using Retention.Core.Regions;

namespace Retention.Http.Regions;

/// <summary>A feed as its curators see it: how the last fetches went and how many events the last good one gave.</summary>
public sealed record RegionFeedResponse(
    string Id, string Url, string Municipality, Instant CreatedAt, Instant? LastAttemptAt, Instant? LastSuccessAt, string? LastError, int EventCount)
{
    public static RegionFeedResponse From(RegionFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return new(feed.Id, feed.Url, feed.Municipality, feed.CreatedAt, feed.LastAttemptAt, feed.LastSuccessAt, feed.LastError, feed.Events.Count);
    }
}
