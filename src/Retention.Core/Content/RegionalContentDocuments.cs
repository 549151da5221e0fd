using System.Text.Json;

namespace Retention.Core.Content;

// The shapes of the regional content JSON as read, before RegionalContentJson checks and maps them.
internal sealed record RegionDocument(
    string? Region, string? Name, string? TimeZone, string? Note, List<string>? Municipalities,
    List<EventDocument>? Events, List<ActivityDocument>? FamilyActivities, List<ServiceDocument>? Services);

internal sealed record EventDocument(string? Municipality, string? Title, string? Start, string? End, string? Place, string? Url, string? Description);

internal sealed record ActivityDocument(string? Municipality, string? Title, JsonElement? Description, string? Place, string? Url, int? MinAge, int? MaxAge);

internal sealed record ServiceDocument(string? Municipality, MunicipalServiceKind? Kind, string? Name, JsonElement? Description, string? Url);
