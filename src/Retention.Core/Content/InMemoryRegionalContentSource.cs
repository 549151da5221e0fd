using NodaTime;

namespace Retention.Core.Content;

/// <summary>Regional content held in memory; safe to read while another thread adds a region.</summary>
public sealed class InMemoryRegionalContentSource : IRegionalContentSource
{
    private readonly Lock _gate = new();
    private Dictionary<string, RegionalContent> _regions = new(StringComparer.OrdinalIgnoreCase);

    public InMemoryRegionalContentSource(params IEnumerable<RegionalContent> regions)
    {
        foreach (var region in regions)
        {
            Add(region);
        }
    }

    public IReadOnlyCollection<RegionalContent> Regions => _regions.Values;

    /// <summary>Adds a region, or merges it into the region with the same id.</summary>
    public void Add(RegionalContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            // Copy-on-write: readers keep using the dictionary they already hold.
            var next = new Dictionary<string, RegionalContent>(_regions, StringComparer.OrdinalIgnoreCase);
            next[content.Region] = next.TryGetValue(content.Region, out var existing) ? existing.Merge(content) : content;
            _regions = next;
        }
    }

    public LocalContent Find(string municipality, Interval window)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        var region = _regions.Values.FirstOrDefault(r => r.Municipalities.Contains(municipality, StringComparer.OrdinalIgnoreCase));
        if (region is null)
        {
            return LocalContent.Empty(municipality);
        }

        bool Here(string m) => string.Equals(m, municipality, StringComparison.OrdinalIgnoreCase);
        var inWindow = region.Events.Where(e => e.Overlaps(window)).OrderBy(e => e.Start).ThenBy(e => e.Title, StringComparer.Ordinal).ToList();
        return new LocalContent(
            municipality,
            region.Name,
            region.TimeZone,
            [.. inWindow.Where(e => Here(e.Municipality))],
            [.. inWindow.Where(e => !Here(e.Municipality))],
            [.. region.FamilyActivities.Where(a => Here(a.Municipality))],
            [.. region.Services.Where(s => Here(s.Municipality))]);
    }
}
