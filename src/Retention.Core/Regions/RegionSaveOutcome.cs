namespace Retention.Core.Regions;

/// <summary>How a write of a region ended.</summary>
public enum RegionSaveOutcome
{
    Created,
    Updated,

    /// <summary>The region changed since the caller read it (or was created meanwhile): nothing written.</summary>
    VersionConflict,

    /// <summary>A municipality of the document belongs to another region: nothing written.</summary>
    MunicipalityTaken,
}
