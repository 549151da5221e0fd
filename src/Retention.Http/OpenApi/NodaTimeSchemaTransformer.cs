using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace Retention.Http.OpenApi;

/// <summary>
/// NodaTime values are written by converters the schema generator cannot see into; without this they would be
/// documented as empty objects. They are ISO 8601 strings (<see cref="Json.ApiJson"/>).
/// </summary>
public sealed class NodaTimeSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var (format, example) = type == typeof(Instant) ? ("date-time", "2027-03-04T08:00:00Z")
            : type == typeof(OffsetDateTime) ? ("date-time", "2027-03-04T09:00:00+01:00")
            : type == typeof(LocalDate) ? ("date", "2027-03-01")
            : (null, null);
        if (format is not null)
        {
            var nullable = type != context.JsonTypeInfo.Type;
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Format = format;
            schema.Examples = [System.Text.Json.Nodes.JsonValue.Create(example!)!];
            schema.Properties?.Clear();
        }

        return Task.CompletedTask;
    }
}
