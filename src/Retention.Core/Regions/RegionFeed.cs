using NodaTime;
using Retention.Core.Content;

namespace Retention.Core.Regions;

/// <summary>
/// An iCalendar subscription of a region: where it is fetched from, for which municipality, the validators for a
/// conditional GET, how the last attempts went, and the events of the last good fetch (kept when a fetch fails).
/// </summary>
public sealed record RegionFeed
{
    public required string RegionId { get; init; }

    public required string Id { get; init; }

    /// <summary>Absolute <c>http</c> or <c>https</c> URL of the .ics file.</summary>
    public required string Url { get; init; }

    /// <summary>The municipality its events belong to, unless an event names another (<c>X-RETENTION-MUNICIPALITY</c>).</summary>
    public required string Municipality { get; init; }

    public required Instant CreatedAt { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public Instant? LastAttemptAt { get; init; }

    public Instant? LastSuccessAt { get; init; }

    /// <summary>Why the last attempt failed, in words without secrets; null once a fetch succeeds.</summary>
    public string? LastError { get; init; }

    /// <summary>The events of the last good fetch, recurring ones expanded over the planning horizon.</summary>
    public IReadOnlyList<LocalEvent> Events { get; init; } = [];

    /// <summary>Row version / ETag, owned by the store. Empty for a feed not yet stored.</summary>
    public string Version { get; init; } = "";
}
