using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Retention.Core.Content;

/// <summary>
/// Reads a region from JSON (format: <c>Content/README.md</c>; sample: <c>Content/Regions/haugalandet.json</c>).
/// Local times are read in the region's zone; a date without a time is an all-day event. Unknown properties and
/// bad values are rejected with the item's position, so a curator sees what to fix.
/// </summary>
public static class RegionalContentJson
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static RegionalContent Parse(string json)
    {
        RegionDocument document;
        try
        {
            document = JsonSerializer.Deserialize<RegionDocument>(json, Json) ?? throw new FormatException("The regional content JSON is empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Regional content JSON is not valid at {ex.Path}: {ex.Message}", ex);
        }

        return Map(document);
    }

    public static RegionalContent Load(Stream stream)
    {
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static RegionalContent Map(RegionDocument d)
    {
        Require(d.Region, "region");
        Require(d.Name, "name");
        var zoneId = d.TimeZone ?? "Europe/Oslo";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? throw new FormatException($"Unknown time zone '{zoneId}'.");
        var municipalities = d.Municipalities ?? [];

        string Municipality(string? m, string where)
        {
            Require(m, where + ".municipality");
            return municipalities.Contains(m!, StringComparer.OrdinalIgnoreCase)
                ? m!
                : throw new FormatException($"{where}: municipality '{m}' is not listed in 'municipalities'.");
        }

        var events = (d.Events ?? []).Select((e, i) =>
        {
            var where = $"events[{i}]";
            Require(e.Title, where + ".title");
            var (start, end, allDay) = RegionalTimes.Read(e.Start, e.End, zone, where);
            return new LocalEvent(Municipality(e.Municipality, where), e.Title!, start, end, allDay, e.Place, Url(e.Url, where), e.Description);
        }).ToList();

        var activities = (d.FamilyActivities ?? []).Select((a, i) =>
        {
            var where = $"familyActivities[{i}]";
            Require(a.Title, where + ".title");
            var (description, translations) = Text(a.Description, where + ".description");
            return new FamilyActivity(Municipality(a.Municipality, where), a.Title!, description, a.Place, Url(a.Url, where), a.MinAge ?? 0, a.MaxAge ?? 99, translations);
        }).ToList();

        var services = (d.Services ?? []).Select((s, i) =>
        {
            var where = $"services[{i}]";
            Require(s.Name, where + ".name");
            Require(s.Url, where + ".url");
            var (description, translations) = Text(s.Description, where + ".description");
            return new MunicipalService(Municipality(s.Municipality, where), s.Kind ?? throw new FormatException(where + ".kind is required."), s.Name!, description, Url(s.Url, where)!, translations);
        }).ToList();

        return new RegionalContent
        {
            Region = d.Region!,
            Name = d.Name!,
            TimeZone = zoneId,
            Municipalities = municipalities,
            Events = events,
            FamilyActivities = activities,
            Services = services,
        };
    }

    private static string? Url(string? url, string where)
    {
        if (url is null)
        {
            return null;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new FormatException($"{where}.url: '{url}' is not an absolute http(s) URL.");
    }

    // "text", or { "en": "text", "nb": "tekst" } with English (else the first) as the default.
    private static (string Text, IReadOnlyDictionary<string, string>? Translations) Text(JsonElement? value, string where)
    {
        switch (value?.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.Value.GetString()):
                return (value.Value.GetString()!, null);
            case JsonValueKind.Object:
                var texts = value.Value.EnumerateObject()
                    .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw new FormatException($"{where}.{p.Name} must be text."), StringComparer.Ordinal);
                if (texts.Count == 0 || texts.Values.Any(string.IsNullOrWhiteSpace))
                {
                    throw new FormatException($"{where} needs at least one non-empty language.");
                }

                return (texts.GetValueOrDefault("en") ?? texts.Values.First(), texts);
            default:
                throw new FormatException($"{where} is required (text, or an object of texts by language).");
        }
    }

    private static void Require(string? value, string where)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new FormatException($"{where} is required.");
        }
    }
}
