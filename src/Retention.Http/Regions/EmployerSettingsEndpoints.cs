using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Retention.Core.Regions;
using Retention.Http.Json;
using Retention.Http.OpenApi;
using Retention.Http.Problems;

namespace Retention.Http.Regions;

/// <summary>The employer's settings: whether its regions may count its newcomers in their figures.</summary>
public static class EmployerSettingsEndpoints
{
    public static RouteGroupBuilder MapEmployerSettingsEndpoints(this RouteGroupBuilder employer)
    {
        ArgumentNullException.ThrowIfNull(employer);
        employer.MapGet("/settings", GetAsync).WithName("GetEmployerSettings")
            .Documented("Settings", "Get the employer's settings").Produces<EmployerSettingsResponse>();
        employer.MapPut("/settings", PutAsync).WithName("ChangeEmployerSettings")
            .Documented("Settings", "Change the employer's settings", "shareWithRegion: whether the regions of its newcomers' municipalities may count them in their figures (default false).")
            .WithJsonBody<EmployerSettingsBody>("""{ "shareWithRegion": true }""")
            .Produces<EmployerSettingsResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return employer;
    }

    public static async Task<IResult> GetAsync(string employerId, EmployerSettingsService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(EmployerSettingsResponse.From(await service.GetAsync(employerId, cancellationToken)));

    public static async Task<IResult> PutAsync(string employerId, HttpRequest request, EmployerSettingsService service, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<EmployerSettingsBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.ShareWithRegion is not { } share)
        {
            return ApiProblems.Validation("shareWithRegion", "is required: true or false");
        }

        var result = await service.ShareWithRegionAsync(employerId, share, cancellationToken);
        return result.Value is { } saved ? TypedResults.Ok(EmployerSettingsResponse.From(saved)) : ApiProblems.Conflict(result.Reason ?? "try again");
    }
}
