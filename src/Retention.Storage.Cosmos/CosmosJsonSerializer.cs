using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace Retention.Storage.Cosmos;

/// <summary>System.Text.Json for the Cosmos SDK (instead of its Newtonsoft default), with the NodaTime-aware options.</summary>
public sealed class CosmosJsonSerializer(JsonSerializerOptions? options = null) : CosmosSerializer
{
    private readonly JsonSerializerOptions _options = options ?? CosmosJson.Options;

    public override T FromStream<T>(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (stream)
        {
            if (typeof(Stream).IsAssignableFrom(typeof(T)))
            {
                return (T)(object)stream;
            }

            return JsonSerializer.Deserialize<T>(stream, _options)!;
        }
    }

    public override Stream ToStream<T>(T input)
    {
        var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, input, _options);
        stream.Position = 0;
        return stream;
    }
}
