namespace Retention.Core.Content;

/// <summary>A municipal service with the page where one applies or reads more.</summary>
public sealed record MunicipalService(
    string Municipality,
    MunicipalServiceKind Kind,
    string Name,
    string Description,
    string Url);
