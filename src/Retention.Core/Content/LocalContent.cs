namespace Retention.Core.Content;

/// <summary>
/// What a render binds for one municipality and one time window: the municipality's own events, events
/// elsewhere in its region, family activities and municipal services.
/// </summary>
public sealed record LocalContent(
    string Municipality,
    string? RegionName,
    string TimeZone,
    IReadOnlyList<LocalEvent> Events,
    IReadOnlyList<LocalEvent> NearbyEvents,
    IReadOnlyList<FamilyActivity> FamilyActivities,
    IReadOnlyList<MunicipalService> Services)
{
    public static LocalContent Empty(string municipality) => new(municipality, null, "Europe/Oslo", [], [], [], []);

    public IEnumerable<MunicipalService> ServicesOf(MunicipalServiceKind kind) => Services.Where(s => s.Kind == kind);
}
