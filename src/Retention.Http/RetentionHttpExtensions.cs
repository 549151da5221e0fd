using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Retention.Http.Auth;
using Retention.Http.Dashboard;
using Retention.Http.Enrollments;
using Retention.Http.Events;
using Retention.Http.Journeys;
using Retention.Http.Json;
using Retention.Http.Links;
using Retention.Http.OpenApi;
using Retention.Http.Operations;
using Retention.Http.Regions;

namespace Retention.Http;

/// <summary>The HTTP surface of api.md, shared by both hosts.</summary>
public static class RetentionHttpExtensions
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddRetentionHttp(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddDataProtection();
        services.AddSingleton<DashboardSession>();
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Retention API";
                document.Info.Description = "The HTTP contract of Retention (docs/api.md in the repository). JSON is camelCase; dates are ISO 8601, instants UTC; "
                    + "errors are RFC 9457 problem details with an errors map naming each field; unknown JSON properties are a 400.";
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer<ApiKeySecurityTransformer>();
            o.AddSchemaTransformer<NodaTimeSchemaTransformer>();
            o.AddSchemaTransformer<OmittedNullsSchemaTransformer>();
        });
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps every route: the employer API (behind API keys), one-click links, health and the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var employer = app.MapGroup("/api/v1/employers/{employerId}")
            .AddEndpointFilter(ApiKeyAuthorization.FilterAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        employer.MapEnrollmentEndpoints().MapImportEndpoints().MapJourneyEndpoints().MapEventEndpoints().MapDashboardEndpoints()
            .MapEmployerSettingsEndpoints();
        app.MapRegionEndpoints();
        app.MapRegionalDashboard();

        app.MapLinkEndpoints();
        app.MapDashboardPage();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
