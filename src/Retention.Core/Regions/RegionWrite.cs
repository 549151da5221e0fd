namespace Retention.Core.Regions;

/// <summary>A region written by its curators: whether it is new, and the stored region.</summary>
public sealed record RegionWrite(bool Created, Region Region);
