namespace Retention.Storage.Cosmos;

/// <summary>One region in the <see cref="RegionDirectoryDocument"/>: a counter moved by every write of it or its feeds, and its feed ids.</summary>
internal sealed record RegionDirectoryEntry(string RegionId, long Stamp, IReadOnlyList<string> FeedIds);
