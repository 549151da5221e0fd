using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Access;
using Retention.Http.Problems;

namespace Retention.Http.Auth;

/// <summary>
/// <c>X-Api-Key</c> authorisation for everything under <c>/api/v1/employers/{employerId}</c>: no or a bad key → 401;
/// a good key of another employer, or a region's key, → 404, so that one employer cannot even learn what another has
/// and a region never reads an employer's people.
/// </summary>
public static class ApiKeyAuthorization
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>Null when the caller may act for <paramref name="employerId"/>; otherwise the problem to return.</summary>
    public static async Task<IResult?> AuthorizeAsync(HttpContext context, string employerId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keys = context.RequestServices.GetRequiredService<ApiKeyService>();
        var owner = await keys.AuthenticateAsync(context.Request.Headers[HeaderName].ToString(), context.RequestAborted);
        if (owner is null)
        {
            return ApiProblems.Unauthorized();
        }

        return owner.IsEmployer(employerId) ? null : ApiProblems.NotFound("employer");
    }

    /// <summary>The endpoint filter form, for a route group whose template has <c>{employerId}</c>.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(next);
        var employerId = invocation.HttpContext.Request.RouteValues["employerId"] as string ?? "";
        return await AuthorizeAsync(invocation.HttpContext, employerId) ?? await next(invocation);
    }
}
