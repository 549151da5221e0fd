using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Core.Content;

/// <summary>
/// Reads a region from JSON (format: <c>Content/README.md</c>; sample: <c>Content/Regions/haugalandet.json</c>).
/// Local times are read in the region's zone; a date without a time is an all-day event. Unknown properties and
/// bad values are rejected with the item's path (<c>events[3].start</c>), every bad item at once, so a curator sees
/// everything to fix in one answer.
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

    /// <summary>The content, or throws <see cref="FormatException"/> naming every problem (for files the host loads).</summary>
    public static RegionalContent Parse(string json)
    {
        var (content, errors) = Validate(json);
        return content ?? throw new FormatException("Regional content is not valid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")));
    }

    public static RegionalContent Load(Stream stream)
    {
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>The content when the document is valid; otherwise null and each problem with its path.</summary>
    public static (RegionalContent? Content, IReadOnlyList<FieldError> Errors) Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        RegionDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RegionDocument>(json, Json);
        }
        catch (JsonException ex)
        {
            return (null, [new FieldError(string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "document" : ex.Path.TrimStart('$', '.'), FirstSentence(ex.Message))]);
        }

        if (document is null)
        {
            return (null, [new FieldError("document", "is empty")]);
        }

        var errors = new List<FieldError>();
        var content = Map(document, errors);
        return errors.Count == 0 ? (content, []) : (null, errors);
    }

    private static RegionalContent Map(RegionDocument d, List<FieldError> errors)
    {
        T? Item<T>(Func<T> read)
            where T : class
        {
            try
            {
                return read();
            }
            catch (ContentFieldException ex)
            {
                errors.Add(new FieldError(ex.Field, ex.Reason));
                return null;
            }
        }

        Item(() => Require(d.Region, "region"));
        Item(() => Require(d.Name, "name"));
        var zoneId = d.TimeZone ?? "Europe/Oslo";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (zone is null)
        {
            errors.Add(new FieldError("timeZone", $"'{zoneId}' is not an IANA time zone"));
            zone = DateTimeZone.Utc;
        }

        var municipalities = d.Municipalities ?? [];
        foreach (var (m, i) in municipalities.Select((m, i) => (m, i)))
        {
            if (string.IsNullOrWhiteSpace(m))
            {
                errors.Add(new FieldError($"municipalities[{i}]", "is empty"));
            }
            else if (municipalities.Take(i).Contains(m, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new FieldError($"municipalities[{i}]", $"'{m}' is listed twice"));
            }
        }

        string Municipality(string? m, string where)
        {
            Require(m, where + ".municipality");
            return municipalities.Contains(m!, StringComparer.OrdinalIgnoreCase)
                ? m!
                : throw new ContentFieldException(where + ".municipality", $"'{m}' is not listed in 'municipalities'");
        }

        var events = (d.Events ?? []).Select((e, i) => Item(() =>
        {
            var where = $"events[{i}]";
            Require(e.Title, where + ".title");
            var (start, end, allDay) = RegionalTimes.Read(e.Start, e.End, zone, where);
            return new LocalEvent(Municipality(e.Municipality, where), e.Title!, start, end, allDay, e.Place, Url(e.Url, where), e.Description);
        })).OfType<LocalEvent>().ToList();

        var activities = (d.FamilyActivities ?? []).Select((a, i) => Item(() =>
        {
            var where = $"familyActivities[{i}]";
            Require(a.Title, where + ".title");
            var (description, translations) = Text(a.Description, where + ".description");
            var (min, max) = (a.MinAge ?? 0, a.MaxAge ?? 99);
            if (min < 0 || max > 99 || min > max)
            {
                throw new ContentFieldException(where + ".minAge", "ages run from 0 to 99, minAge not above maxAge");
            }

            return new FamilyActivity(Municipality(a.Municipality, where), a.Title!, description, a.Place, Url(a.Url, where), min, max, translations);
        })).OfType<FamilyActivity>().ToList();

        var services = (d.Services ?? []).Select((s, i) => Item(() =>
        {
            var where = $"services[{i}]";
            Require(s.Name, where + ".name");
            Require(s.Url, where + ".url");
            var (description, translations) = Text(s.Description, where + ".description");
            var kind = s.Kind ?? throw new ContentFieldException(where + ".kind", "is required");
            return new MunicipalService(Municipality(s.Municipality, where), kind, s.Name!, description, Url(s.Url, where)!, translations);
        })).OfType<MunicipalService>().ToList();

        return new RegionalContent
        {
            Region = d.Region ?? "",
            Name = d.Name ?? "",
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
            : throw new ContentFieldException(where + ".url", $"'{url}' is not an absolute http(s) URL");
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
                    .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw new ContentFieldException($"{where}.{p.Name}", "must be text"), StringComparer.Ordinal);
                if (texts.Count == 0 || texts.Values.Any(string.IsNullOrWhiteSpace))
                {
                    throw new ContentFieldException(where, "needs at least one non-empty language");
                }

                return (texts.GetValueOrDefault("en") ?? texts.Values.First(), texts);
            default:
                throw new ContentFieldException(where, "is required (text, or an object of texts by language)");
        }
    }

    private static string Require(string? value, string where) =>
        string.IsNullOrWhiteSpace(value) ? throw new ContentFieldException(where, "is required") : value;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
