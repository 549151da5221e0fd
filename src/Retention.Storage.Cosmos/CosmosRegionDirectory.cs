namespace Retention.Storage.Cosmos;

/// <summary>
/// Reads and moves the <see cref="RegionDirectoryDocument"/>: every change is an ETag compare-and-set, retried (with
/// a short jittered pause) while other writers move it. Called after the write it records, so a reader that sees
/// the new stamp also sees the new data.
/// </summary>
internal sealed class CosmosRegionDirectory(CosmosDatabase database)
{
    // Regions are few and their writes (curator edits, feed polls) are rare; many attempts ride out a burst of polls.
    private const int MaxAttempts = 50;

    public async Task<IReadOnlyList<RegionDirectoryEntry>> ReadAsync(CancellationToken cancellationToken) =>
        (await ReadDocumentAsync(cancellationToken)).Document?.Regions ?? [];

    /// <summary>Moves the region's stamp and applies <paramref name="changeFeedIds"/> to its feed ids.</summary>
    public async Task MoveAsync(string regionId, Func<IReadOnlyList<string>, IReadOnlyList<string>> changeFeedIds, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (current, etag) = await ReadDocumentAsync(cancellationToken);
            var entries = current?.Regions ?? [];
            var entry = entries.FirstOrDefault(e => e.RegionId == regionId);
            var moved = new RegionDirectoryEntry(regionId, (entry?.Stamp ?? 0) + 1, changeFeedIds(entry?.FeedIds ?? []));
            var document = new RegionDirectoryDocument(
                CosmosIds.RegionDirectory, CosmosIds.RegionDirectoryPartition, [.. entries.Where(e => e.RegionId != regionId), moved]);
            var written = current is null
                ? await database.Items.CreateAsync(database.Regions, document, CosmosIds.RegionDirectoryPartition, cancellationToken)
                : await database.Items.ReplaceAsync(database.Regions, document, CosmosIds.RegionDirectory, CosmosIds.RegionDirectoryPartition, etag!, cancellationToken);
            if (written is not null)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25)), cancellationToken);
        }

        throw new InvalidOperationException($"The region directory kept changing under {MaxAttempts} attempts; the stamp of {regionId} did not move.");
    }

    private Task<(RegionDirectoryDocument? Document, string? ETag)> ReadDocumentAsync(CancellationToken cancellationToken) =>
        database.Items.ReadAsync<RegionDirectoryDocument>(database.Regions, CosmosIds.RegionDirectory, CosmosIds.RegionDirectoryPartition, cancellationToken);
}
