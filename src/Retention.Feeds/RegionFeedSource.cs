using Microsoft.Extensions.Options;
using NodaTime;
using Retention.Core.Regions;

namespace Retention.Feeds;

/// <summary>Core's feed port over <see cref="RegionFeedFetcher"/> and <see cref="RegionFeedAddress"/>, with the configured loopback rule.</summary>
public sealed class RegionFeedSource(RegionFeedFetcher fetcher, IOptions<RegionFeedOptions> options) : IRegionFeedSource
{
    public string? Refuse(string url) => RegionFeedAddress.Problem(url, options.Value.AllowLoopback);

    public Task<RegionFeed> FetchAsync(RegionFeed feed, DateTimeZone regionZone, Interval horizon, CancellationToken cancellationToken) =>
        fetcher.FetchAsync(feed, regionZone, horizon, cancellationToken);
}
