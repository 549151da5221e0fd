namespace Retention.Core.Content;

/// <summary>A standing thing to do with partner and children (open hall, swimming, library story hour), not tied to a date.</summary>
public sealed record FamilyActivity(
    string Municipality,
    string Title,
    string Description,
    string? Place = null,
    string? Url = null,
    int MinAge = 0,
    int MaxAge = 99);
