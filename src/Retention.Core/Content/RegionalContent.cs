namespace Retention.Core.Content;

/// <summary>
/// The curated content of one region (a partnership of municipalities): events, family activities and
/// municipal services, each tagged with its municipality. Several imports of one region are merged.
/// </summary>
public sealed record RegionalContent
{
    public required string Region { get; init; }
    public required string Name { get; init; }

    /// <summary>IANA zone the region's local times are read in.</summary>
    public string TimeZone { get; init; } = "Europe/Oslo";
    public IReadOnlyList<string> Municipalities { get; init; } = [];
    public IReadOnlyList<LocalEvent> Events { get; init; } = [];
    public IReadOnlyList<FamilyActivity> FamilyActivities { get; init; } = [];
    public IReadOnlyList<MunicipalService> Services { get; init; } = [];

    /// <summary>This region with the other import's municipalities and items added (the other's time zone is ignored).</summary>
    public RegionalContent Merge(RegionalContent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with
        {
            Municipalities = [.. Municipalities.Union(other.Municipalities, StringComparer.OrdinalIgnoreCase)],
            Events = [.. Events, .. other.Events],
            FamilyActivities = [.. FamilyActivities, .. other.FamilyActivities],
            Services = [.. Services, .. other.Services],
        };
    }
}
