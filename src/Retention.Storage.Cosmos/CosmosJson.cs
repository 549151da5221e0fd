using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Retention.Core.Storage;

namespace Retention.Storage.Cosmos;

/// <summary>The serializer configuration for documents: camelCase, enums as camelCase text, NodaTime types as ISO text.</summary>
public static class CosmosJson
{
    /// <summary>Shared, read-only options; pass your own to <see cref="CosmosJsonSerializer"/> to share the host's instead.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        // The store owns versions (row version / ETag): never write the model's copy into a document.
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoreVersionJson.Omit } };
        options.MakeReadOnly();
        return options;
    }
}
