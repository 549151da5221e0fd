using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Access;
using Retention.Http.Auth;
using Retention.Http.Problems;

namespace Retention.Http.Regions;

/// <summary>
/// <c>X-Api-Key</c> authorisation under <c>/api/v1/regions/{regionId}</c>: the region's own key does everything;
/// another region's key → 404 (it cannot learn what another has); an employer's key may read what its nudges use
/// (the document and the events) and is refused every write and the feeds and dashboard with 403.
/// </summary>
public static class RegionAuthorization
{
    public static async Task<IResult?> AuthorizeAsync(HttpContext context, string regionId, bool employersMayRead)
    {
        ArgumentNullException.ThrowIfNull(context);
        var owner = await context.RequestServices.GetRequiredService<ApiKeyService>()
            .AuthenticateAsync(context.Request.Headers[ApiKeyAuthorization.HeaderName].ToString(), context.RequestAborted);
        return owner switch
        {
            null => ApiProblems.Unauthorized(),
            _ when owner.IsRegion(regionId) => null,
            { Kind: KeyOwnerKind.Employer } when employersMayRead => null,
            { Kind: KeyOwnerKind.Employer } => TypedResults.Problem(
                title: "Forbidden.", detail: "An employer's key reads a region's content but does not change it; use the region's key.", statusCode: StatusCodes.Status403Forbidden),
            _ => ApiProblems.NotFound("region"),
        };
    }

    /// <summary>The filter for routes only the region's own key may use.</summary>
    public static async ValueTask<object?> CuratorsOnlyAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(next);
        return await AuthorizeAsync(invocation.HttpContext, RegionId(invocation), employersMayRead: false) ?? await next(invocation);
    }

    /// <summary>The filter for reads an employer's key may make too.</summary>
    public static async ValueTask<object?> ReadersAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(next);
        return await AuthorizeAsync(invocation.HttpContext, RegionId(invocation), employersMayRead: true) ?? await next(invocation);
    }

    private static string RegionId(EndpointFilterInvocationContext invocation) =>
        invocation.HttpContext.Request.RouteValues["regionId"] as string ?? "";
}
