namespace Retention.Core.Content;

/// <summary>
/// A standing thing to do with partner and children (open hall, swimming, library story hour), not tied to a date.
/// <see cref="Translations"/> holds the description per language where the curator wrote more than one.
/// </summary>
public sealed record FamilyActivity(
    string Municipality,
    string Title,
    string Description,
    string? Place = null,
    string? Url = null,
    int MinAge = 0,
    int MaxAge = 99,
    IReadOnlyDictionary<string, string>? Translations = null)
{
    public string DescriptionIn(string language) => Translations?.GetValueOrDefault(language) ?? Description;
}
