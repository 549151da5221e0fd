using System.Globalization;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// The region as a curator's document (the format <c>PUT /api/v1/regions/{id}</c> takes), the .ics feed's events
    /// written in as dated items around <paramref name="now"/>: what the demo publishes through the API's own path.
    /// </summary>
    public static JsonObject HaugalandetDocument(Instant now)
    {
        var document = JsonNode.Parse(Read("haugalandet.json"))!.AsObject();
        var region = RegionalContentJson.Parse(Read("haugalandet.json"));
        var zone = DateTimeZoneProviders.Tzdb[region.TimeZone];
        var events = document["events"]?.AsArray() ?? [];
        var horizon = new Interval(now - Duration.FromDays(366), now + Duration.FromDays(366));
        foreach (var e in RegionalCalendarImport.Parse(Read("haugalandet-events.ics"), "Haugesund", zone, horizon))
        {
            var item = new JsonObject { ["municipality"] = e.Municipality, ["title"] = e.Title };
            if (e.AllDay)
            {
                item["start"] = Day(e.Start.InZone(zone).Date);
                item["end"] = Day(e.End.InZone(zone).Date.PlusDays(-1));
            }
            else
            {
                item["start"] = Minute(e.Start.InZone(zone).LocalDateTime);
                item["end"] = Minute(e.End.InZone(zone).LocalDateTime);
            }

            if (e.Place is { } place)
            {
                item["place"] = place;
            }

            if (e.Url is { } url)
            {
                item["url"] = url;
            }

            if (e.Description is { } description)
            {
                item["description"] = description;
            }

            events.Add(item);
        }

        document["events"] = events;
        return document;
    }

    private static string Day(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    private static string Minute(LocalDateTime time) => time.ToString("uuuu'-'MM'-'dd'T'HH':'mm", CultureInfo.InvariantCulture);

    internal static string Read(string name)
    {
        using var stream = typeof(SampleRegions).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"Embedded resource {Prefix}{name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
