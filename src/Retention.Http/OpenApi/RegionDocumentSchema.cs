using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Retention.Http.OpenApi;

/// <summary>
/// The region document, written by hand: the API takes it as free JSON (validated whole by
/// <c>RegionalContentJson</c>, whose reading types are internal to Core), so no .NET type describes it. The
/// format is <c>src/Retention.Core/Content/README.md</c>; unknown properties are rejected there.
/// </summary>
public static class RegionDocumentSchema
{
    public const string Example = """
        {
          "region": "haugalandet",
          "name": "Haugalandet",
          "timeZone": "Europe/Oslo",
          "municipalities": ["Haugesund", "Karmøy", "Tysvær"],
          "events": [
            { "municipality": "Haugesund", "title": "Internasjonal kveld", "start": "2027-03-11T18:00", "end": "2027-03-11T21:00",
              "place": "Haugesund folkebibliotek", "url": "https://example.org/haugalandet/kveld", "description": "Food and music from everywhere." }
          ],
          "familyActivities": [
            { "municipality": "Karmøy", "title": "Babysang", "description": { "nb": "Sang for de minste.", "en": "Singing for the youngest." },
              "place": "Kopervik bibliotek", "minAge": 0, "maxAge": 2 }
          ],
          "services": [
            { "municipality": "Tysvær", "kind": "kindergarten", "name": "Barnehageopptak", "description": "Apply by 1 March.", "url": "https://www.tysver.kommune.no/" }
          ]
        }
        """;

    /// <summary>The document as PUT takes it.</summary>
    public static OpenApiSchema Request { get; } = Create(stored: false);

    /// <summary>The document as GET and PUT return it: as written, with the store's <c>version</c> and <c>updatedAt</c>.</summary>
    public static OpenApiSchema Response { get; } = Create(stored: true);

    private static OpenApiSchema Create(bool stored)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["region"] = Text("The region's id; must equal {regionId}."),
            ["name"] = Text("The region's name as newcomers read it."),
            ["timeZone"] = Text("IANA zone the local times are read in, e.g. Europe/Oslo."),
            ["note"] = Text("A note for curators; never shown to newcomers."),
            ["municipalities"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, Items = Text(null),
                Description = "The municipalities the region covers; each belongs to at most one region (409 otherwise).",
            },
            ["events"] = List("Local events, in the region's local time; a date without a time is an all-day event.", Item(
                ("municipality", Text(null)), ("title", Text(null)), ("start", Text("yyyy-MM-ddTHH:mm or yyyy-MM-dd")), ("end", Text(null)),
                ("place", Text(null)), ("url", Text(null)), ("description", Text(null)))),
            ["familyActivities"] = List("Recurring activities for families with children of the given ages.", Item(
                ("municipality", Text(null)), ("title", Text(null)), ("description", Localised()), ("place", Text(null)), ("url", Text(null)),
                ("minAge", Integer()), ("maxAge", Integer()))),
            ["services"] = List("Municipal services: kindergarten, school, Norwegian course, other.", Item(
                ("municipality", Text(null)),
                ("kind", new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("kindergarten"), JsonValue.Create("school"), JsonValue.Create("norwegian-course"), JsonValue.Create("other")] }),
                ("name", Text(null)), ("description", Localised()), ("url", Text(null)))),
        };
        // PUT may carry the version GET gave, to refuse overwriting someone else's change (409).
        properties["version"] = Text(stored ? "The store's version of the document." : "Optional: the version GET gave; a 409 when the document changed since.");
        if (stored)
        {
            properties["updatedAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" };
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A region's content (format: src/Retention.Core/Content/README.md). Validated whole: a bad item is a 400 naming its path (events[3].start) and nothing is stored.",
            Properties = properties,
            Required = new HashSet<string>(["region", "name", "timeZone", "municipalities"], StringComparer.Ordinal),
        };
    }

    private static OpenApiSchema Text(string? description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Integer() => new() { Type = JsonSchemaType.Integer };

    private static OpenApiSchema Localised() => new()
    {
        Description = "A text, or an object of texts by language ({\"nb\": \"…\", \"en\": \"…\"}).",
        OneOf = [Text(null), new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Text(null) }],
    };

    private static OpenApiSchema List(string description, OpenApiSchema item) => new() { Type = JsonSchemaType.Array, Items = item, Description = description };

    private static OpenApiSchema Item(params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
    };
}
