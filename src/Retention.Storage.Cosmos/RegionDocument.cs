using Retention.Core.Regions;

namespace Retention.Storage.Cosmos;

/// <summary>A region (its document without the version), in the region's own partition of the regions container.</summary>
internal sealed record RegionDocument(string Id, string RegionId, Region Region)
{
    public string Type => "region";
}
