namespace Retention.Core.Regions;

/// <summary>A region's id and a stamp that changes whenever its document or any of its feeds changes: what a content snapshot compares.</summary>
public sealed record RegionStamp(string RegionId, string Stamp);
