using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Retention.Http.OpenApi;

/// <summary>
/// The API leaves null properties out of its JSON (<see cref="Json.ApiJson"/>), so a property that may be null is
/// not required: without this the generator lists it as required (a record's constructor parameter) although a
/// response may lack it.
/// </summary>
public sealed class OmittedNullsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (schema.Required is { Count: > 0 } required)
        {
            // The .NET nullability of each property (annotations and Nullable<T>), which is what decides whether it is written.
            foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.IsGetNullable && required.Contains(p.Name)))
            {
                required.Remove(property.Name);
            }
        }

        return Task.CompletedTask;
    }
}
