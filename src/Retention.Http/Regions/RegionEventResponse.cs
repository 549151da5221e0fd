using NodaTime;
using Retention.Core.Content;

namespace Retention.Http.Regions;

/// <summary>An event as nudges will show it.</summary>
public sealed record RegionEventResponse(string Municipality, string Title, Instant Start, Instant End, bool AllDay, string? Place, string? Url, string? Description)
{
    public static RegionEventResponse From(LocalEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Municipality, e.Title, e.Start, e.End, e.AllDay, e.Place, e.Url, e.Description);
    }
}
