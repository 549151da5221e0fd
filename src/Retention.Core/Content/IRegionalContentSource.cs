using NodaTime;

namespace Retention.Core.Content;

/// <summary>
/// Where regional content comes from. Rendering is synchronous, so an implementation answers from memory
/// (a snapshot the host refreshes from its store or from imported JSON/.ics files).
/// </summary>
public interface IRegionalContentSource
{
    /// <summary>
    /// Content for <paramref name="municipality"/> (case-insensitive): events overlapping <paramref name="window"/>
    /// ordered by start, family activities and services. An unknown municipality gives empty lists, not an error.
    /// </summary>
    LocalContent Find(string municipality, Interval window);

    /// <summary>
    /// Brings the snapshot up to date when it may be stale; cheap when it is fresh (no store read). Called before a
    /// send, never per render. A source held wholly in memory has nothing to do.
    /// </summary>
    ValueTask EnsureFreshAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
