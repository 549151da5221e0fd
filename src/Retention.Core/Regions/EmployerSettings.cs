using NodaTime;

namespace Retention.Core.Regions;

/// <summary>
/// An employer's own settings. <see cref="ShareWithRegion"/> (default false) lets the regions of its enrolments'
/// municipalities count its newcomers in their aggregate figures; <see cref="SharingSince"/> says since when (audit).
/// </summary>
public sealed record EmployerSettings
{
    public required string EmployerId { get; init; }

    public bool ShareWithRegion { get; init; }

    /// <summary>When sharing was last turned on; kept (not cleared) when it is turned off, with <see cref="ChangedAt"/>.</summary>
    public Instant? SharingSince { get; init; }

    public Instant? ChangedAt { get; init; }

    /// <summary>Row version / ETag, owned by the store. Empty for settings not yet stored.</summary>
    public string Version { get; init; } = "";
}
