using System.Globalization;
using Retention.Core.Regions;
using Retention.Core.Storage;

namespace Retention.Testing.Fakes;

/// <summary>An in-memory <see cref="IRegionStore"/>: one lock makes each save all or nothing, as the stores' transactions do; held to the store contract.</summary>
public sealed class InMemoryRegionStore : IRegionStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Region> regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> stamps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> claims = new(StringComparer.Ordinal);
    private readonly Dictionary<(string RegionId, string FeedId), RegionFeed> feeds = [];
    private long versions;

    public Task<Region?> GetAsync(string regionId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(regions.GetValueOrDefault(regionId));
        }
    }

    public Task<RegionSave> SaveAsync(Region region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        lock (gate)
        {
            var stored = regions.GetValueOrDefault(region.Id);
            if (region.Version.Length == 0 ? stored is not null : stored?.Version != region.Version)
            {
                return Task.FromResult(new RegionSave(RegionSaveOutcome.VersionConflict, null));
            }

            var keys = MunicipalityKey.Distinct(region.Municipalities);
            foreach (var key in keys)
            {
                if (claims.TryGetValue(key, out var holder) && holder != region.Id)
                {
                    return Task.FromResult(new RegionSave(
                        RegionSaveOutcome.MunicipalityTaken, null, region.Municipalities.First(m => MunicipalityKey.Of(m) == key), holder));
                }
            }

            foreach (var released in claims.Where(c => c.Value == region.Id && !keys.Contains(c.Key)).Select(c => c.Key).ToList())
            {
                claims.Remove(released);
            }

            foreach (var key in keys)
            {
                claims[key] = region.Id;
            }

            var saved = region with { Municipalities = [.. region.Municipalities], Version = NextVersion() };
            regions[region.Id] = saved;
            MoveStamp(region.Id);
            return Task.FromResult(new RegionSave(stored is null ? RegionSaveOutcome.Created : RegionSaveOutcome.Updated, saved));
        }
    }

    public Task<string?> RegionOfAsync(string municipality, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(claims.GetValueOrDefault(MunicipalityKey.Of(municipality)));
        }
    }

    public Task<IReadOnlyList<RegionStamp>> StampsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<RegionStamp>>([.. regions.Keys.Order(StringComparer.Ordinal)
                .Select(id => new RegionStamp(id, stamps[id].ToString(CultureInfo.InvariantCulture)))]);
        }
    }

    public Task<IReadOnlyList<RegionFeed>> GetFeedsAsync(string regionId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<RegionFeed>>([.. feeds.Where(f => f.Key.RegionId == regionId).OrderBy(f => f.Key.FeedId, StringComparer.Ordinal).Select(f => f.Value)]);
        }
    }

    public Task<RegionFeed?> GetFeedAsync(string regionId, string feedId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(feeds.GetValueOrDefault((regionId, feedId)));
        }
    }

    public Task<RegionFeed?> SaveFeedAsync(RegionFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        lock (gate)
        {
            var stored = feeds.GetValueOrDefault((feed.RegionId, feed.Id));
            if (feed.Version.Length == 0 ? stored is not null : stored?.Version != feed.Version)
            {
                return Task.FromResult<RegionFeed?>(null);
            }

            var saved = feed with { Events = [.. feed.Events], Version = NextVersion() };
            feeds[(feed.RegionId, feed.Id)] = saved;
            MoveStamp(feed.RegionId);
            return Task.FromResult<RegionFeed?>(saved);
        }
    }

    public Task<bool> DeleteFeedAsync(string regionId, string feedId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!feeds.Remove((regionId, feedId)))
            {
                return Task.FromResult(false);
            }

            MoveStamp(regionId);
            return Task.FromResult(true);
        }
    }

    // Like the SQLite store: a feed of a region not stored (yet) moves no stamp; the region's first save gives it one.
    private void MoveStamp(string regionId)
    {
        if (regions.ContainsKey(regionId))
        {
            stamps[regionId] = stamps.GetValueOrDefault(regionId) + 1;
        }
    }

    private string NextVersion() => (++versions).ToString(CultureInfo.InvariantCulture);
}
