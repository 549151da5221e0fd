using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Retention.Http.Auth;

namespace Retention.Http.OpenApi;

/// <summary>
/// The <c>X-Api-Key</c> scheme, required by every operation under <c>/api/v1/employers</c> and <c>/api/v1/regions</c>
/// (the routes behind <see cref="ApiKeyAuthorization"/> and <see cref="Regions.RegionAuthorization"/>), so the
/// reference page asks for the key once and sends it.
/// </summary>
public sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    private static readonly string[] KeyedPrefixes = ["/api/v1/employers/", "/api/v1/regions/"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthorization.HeaderName,
            Description = "An employer key (`keys create <employerId>`) for /api/v1/employers/{employerId}; a region key "
                + "(`keys create --region <regionId>`) for /api/v1/regions/{regionId}, where an employer key may only read the document and the events.",
        };

        foreach (var (path, item) in document.Paths)
        {
            if (!KeyedPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal)) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
            }
        }

        return Task.CompletedTask;
    }
}
