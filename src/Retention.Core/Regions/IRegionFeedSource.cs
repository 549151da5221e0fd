using NodaTime;

namespace Retention.Core.Regions;

/// <summary>Fetches iCalendar feeds (the adapter owns HTTP, its limits and the guard against server-side request forgery).</summary>
public interface IRegionFeedSource
{
    /// <summary>Why this URL may not be subscribed (scheme, form, a refused address), or null when it may.</summary>
    string? Refuse(string url);

    /// <summary>
    /// The feed after one fetch: new events and validators on success, the same events on 304, the last good events
    /// and <see cref="RegionFeed.LastError"/> on any failure. Throws only when cancelled.
    /// </summary>
    Task<RegionFeed> FetchAsync(RegionFeed feed, DateTimeZone regionZone, Interval horizon, CancellationToken cancellationToken);
}
