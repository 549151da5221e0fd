using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace Retention.Http.OpenApi;

/// <summary>
/// Declares in the OpenAPI document the request bodies the handlers read themselves (<see cref="Json.JsonBody"/>,
/// <see cref="Json.BodyReader"/>). Not <c>Accepts&lt;T&gt;</c>: its metadata makes the router answer a wrong media type
/// with a bare 415 before the handler can return its problem details, and the brief is to leave behaviour as it is.
/// </summary>
public static class OpenApiEndpointExtensions
{
    public const string Json = "application/json";

    /// <summary>A required JSON body of <typeparamref name="T"/>'s schema, with an example.</summary>
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder, string example)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            operation.RequestBody = Body(Json, await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken), example));
    }

    /// <summary>A required body of the given media type and schema (CSV text, the free-form region document).</summary>
    public static RouteHandlerBuilder WithBody(this RouteHandlerBuilder builder, string mediaType, IOpenApiSchema schema, string example)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = Body(mediaType, schema, example);
            return Task.CompletedTask;
        });
    }

    /// <summary>The values a string property of the JSON body may take, where the body type holds it as free text for precise validation messages.</summary>
    public static RouteHandlerBuilder WithBodyValues(this RouteHandlerBuilder builder, string property, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var allowed = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody?.Content?.TryGetValue(Json, out var content) == true
                && content.Schema?.Properties?.TryGetValue(property, out var schema) == true && schema is OpenApiSchema editable)
            {
                editable.Enum = allowed;
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>Replaces the schema of the listed success responses (for results written from a <see cref="JsonObject"/>).</summary>
    public static RouteHandlerBuilder WithResponseSchema(this RouteHandlerBuilder builder, IOpenApiSchema schema, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var status in statuses)
            {
                if (operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) == true
                    && response.Content?.TryGetValue(Json, out var content) == true)
                {
                    content.Schema = schema;
                }
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The summary, and the tag that groups the route on the reference page.</summary>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder builder, string tag, string summary, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithTags(tag).WithSummary(summary);
        return description is null ? builder : builder.WithDescription(description);
    }

    private static OpenApiRequestBody Body(string mediaType, IOpenApiSchema schema, string example) => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [mediaType] = new() { Schema = schema, Example = mediaType == Json ? JsonNode.Parse(example) : JsonValue.Create(example) },
        },
    };
}
