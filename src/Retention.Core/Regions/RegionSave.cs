namespace Retention.Core.Regions;

/// <summary>The result of writing a region: the stored region, or why nothing was written.</summary>
public sealed record RegionSave(RegionSaveOutcome Outcome, Region? Region, string? TakenMunicipality = null, string? TakenByRegion = null);
