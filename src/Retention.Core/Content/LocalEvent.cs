using NodaTime;

namespace Retention.Core.Content;

/// <summary>
/// Something happening in a municipality that a newcomer could go to. <see cref="End"/> is exclusive;
/// an all-day event runs from local midnight of its first day to local midnight after its last day.
/// </summary>
public sealed record LocalEvent(
    string Municipality,
    string Title,
    Instant Start,
    Instant End,
    bool AllDay = false,
    string? Place = null,
    string? Url = null,
    string? Description = null)
{
    public bool Overlaps(Interval window) => Start < window.End && End > window.Start;
}
