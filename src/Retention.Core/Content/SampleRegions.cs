using NodaTime;

namespace Retention.Core.Content;

/// <summary>
/// The sample region shipped for demos and tests: Haugalandet (Haugesund, Karmøy, Tysvær). Invented but plausible
/// content, not a listing of real events: see the note in <c>Content/Regions/haugalandet.json</c>.
/// </summary>
public static class SampleRegions
{
    public const string HaugalandetId = "haugalandet";
    private const string Prefix = "Retention.Core.Content.Regions/";

    /// <summary>The region from the embedded JSON plus the embedded .ics feed, its recurring events expanded over <paramref name="horizon"/>.</summary>
    public static RegionalContent Haugalandet(Interval horizon)
    {
        var region = RegionalContentJson.Parse(Read("haugalandet.json"));
        var zone = DateTimeZoneProviders.Tzdb[region.TimeZone];
        var feed = RegionalCalendarImport.Parse(Read("haugalandet-events.ics"), "Haugesund", zone, horizon);
        return region with { Events = [.. region.Events, .. feed] };
    }

    /// <summary>The region around <paramref name="now"/>: a year back and a year ahead.</summary>
    public static RegionalContent Haugalandet(Instant now) =>
        Haugalandet(new Interval(now - Duration.FromDays(366), now + Duration.FromDays(366)));

    internal static string Read(string name)
    {
        using var stream = typeof(SampleRegions).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"Embedded resource {Prefix}{name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
