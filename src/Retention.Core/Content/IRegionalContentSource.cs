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
}
