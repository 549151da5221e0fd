using Retention.Core.Regions;

namespace Retention.Storage.Cosmos;

/// <summary>A feed of a region with its events, beside the region in the region's partition.</summary>
internal sealed record RegionFeedDocument(string Id, string RegionId, RegionFeed Feed)
{
    public string Type => "regionFeed";
}
