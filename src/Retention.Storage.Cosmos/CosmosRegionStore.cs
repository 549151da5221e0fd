using Retention.Core.Regions;
using Retention.Core.Storage;

namespace Retention.Storage.Cosmos;

/// <summary>
/// Regions in Cosmos DB, all point reads: the region and its feeds in the region's partition of the regions container,
/// municipality claims and the directory (stamps, feed ids) in a partition of their own. Without transactional batches
/// (a claim and its region are in different partitions anyway) a save claims first, writes the region, and undoes its
/// claims when the region write fails, so "nothing written" holds for every refused save.
/// </summary>
public sealed class CosmosRegionStore(CosmosDatabase database) : IRegionStore
{
    private readonly CosmosMunicipalityClaims _claims = new(database);
    private readonly CosmosRegionDirectory _directory = new(database);

    public async Task<Region?> GetAsync(string regionId, CancellationToken cancellationToken)
    {
        var (document, etag) = await database.Items.ReadAsync<RegionDocument>(database.Regions, CosmosIds.Region, regionId, cancellationToken);
        return document is null ? null : document.Region with { Version = etag! };
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Order: version check, claims of the municipalities new to the region (in key order, so two saves of overlapping
    /// sets meet on the same first one), the region write (ETag-guarded), the release of municipalities no longer listed,
    /// the directory stamp. A crash after the region write leaves at most a claim that <see cref="CosmosMunicipalityClaims"/>
    /// still resolves to this region, or a stamp that moves with the next write.
    /// </remarks>
    public async Task<RegionSave> SaveAsync(Region region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        var current = await GetAsync(region.Id, cancellationToken);
        var create = region.Version.Length == 0;
        if (create ? current is not null : current?.Version != region.Version)
        {
            return new RegionSave(RegionSaveOutcome.VersionConflict, null);
        }

        var keys = MunicipalityKey.Distinct(region.Municipalities);
        var held = current is null ? [] : MunicipalityKey.Distinct(current.Municipalities);
        var claimed = new List<(string Key, string ETag)>();
        foreach (var key in keys.Except(held, StringComparer.Ordinal))
        {
            var (holder, etag) = await _claims.ClaimAsync(region.Id, key, cancellationToken);
            if (holder is not null)
            {
                await UndoAsync(claimed, cancellationToken);
                return new RegionSave(RegionSaveOutcome.MunicipalityTaken, null, region.Municipalities.First(m => MunicipalityKey.Of(m) == key), holder);
            }

            claimed.Add((key, etag!));
        }

        var document = new RegionDocument(CosmosIds.Region, region.Id, region with { Version = "" });
        var written = create
            ? await database.Items.CreateAsync(database.Regions, document, region.Id, cancellationToken)
            : await database.Items.ReplaceAsync(database.Regions, document, CosmosIds.Region, region.Id, region.Version, cancellationToken);
        if (written is null)
        {
            // The write that beat this one has landed: keep the claims it lists (a concurrent save of this region made or
            // rewrote them too), undo the rest.
            var winner = await GetAsync(region.Id, cancellationToken);
            var kept = winner is null ? [] : MunicipalityKey.Distinct(winner.Municipalities);
            await UndoAsync([.. claimed.Where(c => !kept.Contains(c.Key))], cancellationToken);
            return new RegionSave(RegionSaveOutcome.VersionConflict, null);
        }

        foreach (var key in held.Except(keys, StringComparer.Ordinal))
        {
            await _claims.ReleaseAsync(region.Id, key, cancellationToken);
        }

        await _directory.MoveAsync(region.Id, static feedIds => feedIds, cancellationToken);
        return new RegionSave(create ? RegionSaveOutcome.Created : RegionSaveOutcome.Updated, region with { Version = written });
    }

    public Task<string?> RegionOfAsync(string municipality, CancellationToken cancellationToken) =>
        _claims.HolderAsync(MunicipalityKey.Of(municipality), cancellationToken);

    /// <inheritdoc/>
    /// <remarks>One point read of the directory; a region appears once its first save has moved its stamp.</remarks>
    public async Task<IReadOnlyList<RegionStamp>> StampsAsync(CancellationToken cancellationToken) =>
        [.. (await _directory.ReadAsync(cancellationToken))
            .OrderBy(e => e.RegionId, StringComparer.Ordinal)
            .Select(e => new RegionStamp(e.RegionId, e.Stamp.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    public async Task<IReadOnlyList<RegionFeed>> GetFeedsAsync(string regionId, CancellationToken cancellationToken)
    {
        var entry = (await _directory.ReadAsync(cancellationToken)).FirstOrDefault(e => e.RegionId == regionId);
        if (entry is null)
        {
            return [];
        }

        var feeds = await Task.WhenAll(entry.FeedIds.Select(id => GetFeedAsync(regionId, id, cancellationToken)));
        return [.. feeds.OfType<RegionFeed>().OrderBy(f => f.Id, StringComparer.Ordinal)];
    }

    public async Task<RegionFeed?> GetFeedAsync(string regionId, string feedId, CancellationToken cancellationToken)
    {
        var (document, etag) = await database.Items.ReadAsync<RegionFeedDocument>(database.Regions, CosmosIds.RegionFeed(feedId), regionId, cancellationToken);
        return document is null ? null : document.Feed with { Version = etag! };
    }

    public async Task<RegionFeed?> SaveFeedAsync(RegionFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var document = new RegionFeedDocument(CosmosIds.RegionFeed(feed.Id), feed.RegionId, feed with { Version = "" });
        var written = feed.Version.Length == 0
            ? await database.Items.CreateAsync(database.Regions, document, feed.RegionId, cancellationToken)
            : await database.Items.ReplaceAsync(database.Regions, document, document.Id, feed.RegionId, feed.Version, cancellationToken);
        if (written is null)
        {
            return null;
        }

        // Also lists a feed whose creator crashed before listing it, at its next write.
        await _directory.MoveAsync(feed.RegionId, feedIds => feedIds.Contains(feed.Id) ? feedIds : [.. feedIds, feed.Id], cancellationToken);
        return feed with { Version = written };
    }

    public async Task<bool> DeleteFeedAsync(string regionId, string feedId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CompareAndSet.Attempts; attempt++)
        {
            var (document, etag) = await database.Items.ReadAsync<RegionFeedDocument>(database.Regions, CosmosIds.RegionFeed(feedId), regionId, cancellationToken);
            if (document is null)
            {
                return false;
            }

            if (await database.Items.TryDeleteAsync(database.Regions, CosmosIds.RegionFeed(feedId), regionId, etag!, cancellationToken))
            {
                await _directory.MoveAsync(regionId, feedIds => [.. feedIds.Where(id => id != feedId)], cancellationToken);
                return true;
            }
        }

        throw new InvalidOperationException("The feed kept changing while it was being deleted; retry later.");
    }

    private async Task UndoAsync(List<(string Key, string ETag)> claimed, CancellationToken cancellationToken)
    {
        foreach (var (key, etag) in claimed)
        {
            await _claims.UndoAsync(key, etag, cancellationToken);
        }
    }
}
