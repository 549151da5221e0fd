using NodaTime;
using Retention.Core.Content;

namespace Retention.Core.Regions;

/// <summary>
/// A region as its curators publish it (a partnership of municipalities): the content document — name, time zone,
/// municipalities (each in at most one region), events, family activities, municipal services — with the store's
/// version. Feeds (<see cref="RegionFeed"/>) add events to it; they are kept apart.
/// </summary>
public sealed record Region
{
    public required RegionalContent Content { get; init; }

    public required Instant UpdatedAt { get; init; }

    /// <summary>Row version / ETag, owned by the store. Empty for a region not yet stored.</summary>
    public string Version { get; init; } = "";

    public string Id => Content.Region;
}
