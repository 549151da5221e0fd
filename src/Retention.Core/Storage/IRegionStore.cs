using Retention.Core.Regions;

namespace Retention.Core.Storage;

/// <summary>
/// Regions, their municipalities and their feeds. A region write is all or nothing: its document and the claims on
/// its municipalities (each municipality in at most one region) appear together or not at all.
/// </summary>
public interface IRegionStore
{
    Task<Region?> GetAsync(string regionId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the region (<see cref="Region.Version"/> empty; a region that exists already is a version conflict) or
    /// replaces it when its stored version still equals <see cref="Region.Version"/>. Claims the document's
    /// municipalities (compared case-insensitively, see <see cref="MunicipalityKey"/>) and releases those it no longer
    /// lists. Refused saves write nothing: <see cref="RegionSaveOutcome.MunicipalityTaken"/> names the first taken
    /// municipality as the document wrote it and the region that holds it.
    /// </summary>
    Task<RegionSave> SaveAsync(Region region, CancellationToken cancellationToken);

    /// <summary>The region a municipality belongs to (case-insensitive), or null.</summary>
    Task<string?> RegionOfAsync(string municipality, CancellationToken cancellationToken);

    /// <summary>Every region's stamp: one cheap read that tells a snapshot what changed.</summary>
    Task<IReadOnlyList<RegionStamp>> StampsAsync(CancellationToken cancellationToken);

    /// <summary>The region's feeds, by id.</summary>
    Task<IReadOnlyList<RegionFeed>> GetFeedsAsync(string regionId, CancellationToken cancellationToken);

    Task<RegionFeed?> GetFeedAsync(string regionId, string feedId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the feed (<see cref="RegionFeed.Version"/> empty; null when it exists) or replaces it compare-and-set (null on a conflict).
    /// Moves the region's stamp. The region is expected to be stored already.
    /// </summary>
    Task<RegionFeed?> SaveFeedAsync(RegionFeed feed, CancellationToken cancellationToken);

    /// <summary>Removes the feed and its events; false when there was none. Moves the region's stamp.</summary>
    Task<bool> DeleteFeedAsync(string regionId, string feedId, CancellationToken cancellationToken);
}
