namespace Retention.Core.Content;

/// <summary>A municipal service with the page where one applies or reads more; the description may come in several languages.</summary>
public sealed record MunicipalService(
    string Municipality,
    MunicipalServiceKind Kind,
    string Name,
    string Description,
    string Url,
    IReadOnlyDictionary<string, string>? Translations = null)
{
    public string DescriptionIn(string language) => Translations?.GetValueOrDefault(language) ?? Description;
}
