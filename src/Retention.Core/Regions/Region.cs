using NodaTime;

namespace Retention.Core.Regions;

/// <summary>
/// A region as its curators publish it (a partnership of municipalities): the content document in the format
/// <see cref="Content.RegionalContentJson"/> reads — name, time zone, municipalities (each in at most one region),
/// events, family activities, municipal services — kept as the curator sent it (validated, so GET gives it back),
/// with the municipalities it claims and the store's version. Feeds (<see cref="RegionFeed"/>) add events; they are kept apart.
/// </summary>
public sealed record Region
{
    public required string Id { get; init; }

    /// <summary>The validated JSON document, without <c>version</c>/<c>updatedAt</c> (the store owns those).</summary>
    public required string Document { get; init; }

    /// <summary>The municipalities the document lists, as written: the store claims each for this region.</summary>
    public required IReadOnlyList<string> Municipalities { get; init; }

    public required Instant UpdatedAt { get; init; }

    /// <summary>Row version / ETag, owned by the store. Empty for a region not yet stored.</summary>
    public string Version { get; init; } = "";
}
