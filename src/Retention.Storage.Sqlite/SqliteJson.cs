using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Retention.Core.Storage;

namespace Retention.Storage.Sqlite;

/// <summary>The one serializer configuration for JSON columns: camelCase, enums as text, NodaTime types as ISO text.</summary>
internal static class SqliteJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        // The store owns versions (row version / ETag): never write the model's copy into a document.
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoreVersionJson.Omit } };
        options.MakeReadOnly();
        return options;
    }
}
