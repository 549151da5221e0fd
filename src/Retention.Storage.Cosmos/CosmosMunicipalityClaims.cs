using Retention.Core.Regions;

namespace Retention.Storage.Cosmos;

/// <summary>
/// Claims municipalities for a region by creating their claim documents (a create is atomic, so of several regions
/// claiming one municipality exactly one wins), before the region is written; a save that fails afterwards deletes the
/// claims it made. A claim whose region never came to list it (its writer crashed before the region write or the
/// compensation) is taken over once it is clearly stale, as abandoned external-id reservations are.
/// </summary>
internal sealed class CosmosMunicipalityClaims(CosmosDatabase database)
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);

    /// <summary>Null once the municipality is claimed for the region (with the claim's ETag); otherwise the region that holds it.</summary>
    public async Task<(string? Holder, string? ETag)> ClaimAsync(string regionId, string key, CancellationToken cancellationToken)
    {
        var id = CosmosIds.MunicipalityClaim(key);
        var claim = new MunicipalityClaimDocument(id, CosmosIds.RegionDirectoryPartition, key, regionId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await database.Items.CreateAsync(database.Regions, claim, CosmosIds.RegionDirectoryPartition, cancellationToken) is { } created)
            {
                return (null, created);
            }

            var (held, etag) = await ReadAsync(key, cancellationToken);
            if (held is null)
            {
                continue; // Released in between: try again.
            }

            if (held.ClaimedBy == regionId)
            {
                // Ours already: left by an unfinished earlier save, or made by a concurrent save of this region. Rewrite it
                // so its ETag is this save's: the other save's undo (ETag-guarded) then leaves it to this one.
                if (await database.Items.ReplaceAsync(database.Regions, claim, id, CosmosIds.RegionDirectoryPartition, etag!, cancellationToken) is { } touched)
                {
                    return (null, touched);
                }

                continue;
            }

            var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(held.Timestamp ?? 0);
            if (age <= StaleAfter || await ListsAsync(held.ClaimedBy, key, cancellationToken))
            {
                // Held, or being claimed right now by a region whose write has not landed yet: either way not ours.
                return (held.ClaimedBy, null);
            }

            if (await database.Items.ReplaceAsync(database.Regions, claim, id, CosmosIds.RegionDirectoryPartition, etag!, cancellationToken) is { } taken)
            {
                return (null, taken);
            }
        }

        throw new InvalidOperationException("The municipality's claim kept changing; retry later.");
    }

    /// <summary>The region that holds the municipality: its claim, confirmed by the region listing it (a claim alone may be half-made).</summary>
    public async Task<string?> HolderAsync(string key, CancellationToken cancellationToken)
    {
        var (held, _) = await ReadAsync(key, cancellationToken);
        return held is not null && await ListsAsync(held.ClaimedBy, key, cancellationToken) ? held.ClaimedBy : null;
    }

    /// <summary>Deletes the claim if no other save has rewritten it since (its ETag), so a failed save leaves no claim behind.</summary>
    public Task UndoAsync(string key, string etag, CancellationToken cancellationToken) =>
        database.Items.DeleteAsync(database.Regions, CosmosIds.MunicipalityClaim(key), CosmosIds.RegionDirectoryPartition, etag, cancellationToken);

    /// <summary>Deletes the region's claim on a municipality it no longer lists (not one another region has taken over since).</summary>
    public async Task ReleaseAsync(string regionId, string key, CancellationToken cancellationToken)
    {
        var (held, etag) = await ReadAsync(key, cancellationToken);
        if (held?.ClaimedBy == regionId)
        {
            await UndoAsync(key, etag!, cancellationToken);
        }
    }

    private Task<(MunicipalityClaimDocument? Document, string? ETag)> ReadAsync(string key, CancellationToken cancellationToken) =>
        database.Items.ReadAsync<MunicipalityClaimDocument>(database.Regions, CosmosIds.MunicipalityClaim(key), CosmosIds.RegionDirectoryPartition, cancellationToken);

    private async Task<bool> ListsAsync(string regionId, string key, CancellationToken cancellationToken)
    {
        var (region, _) = await database.Items.ReadAsync<RegionDocument>(database.Regions, CosmosIds.Region, regionId, cancellationToken);
        return region is not null && region.Region.Municipalities.Any(m => MunicipalityKey.Of(m) == key);
    }
}
