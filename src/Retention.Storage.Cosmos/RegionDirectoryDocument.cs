namespace Retention.Storage.Cosmos;

/// <summary>
/// Every region's stamp and feed ids in one document of the directory partition: <see cref="CosmosRegionStore.StampsAsync"/>
/// is one point read and a region's feeds are point reads, never a query. Moved (ETag compare-and-set) after each write.
/// </summary>
internal sealed record RegionDirectoryDocument(string Id, string RegionId, IReadOnlyList<RegionDirectoryEntry> Regions)
{
    public string Type => "regionDirectory";
}
