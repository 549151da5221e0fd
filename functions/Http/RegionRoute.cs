using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Retention.Http.Regions;

namespace Retention.Functions.Http;

/// <summary>
/// The one way a region trigger (<c>/api/v1/regions/{regionId}/…</c>) answers: the region-key check the server runs
/// as an endpoint filter (employers' keys only where they may read), then the shared handler.
/// </summary>
public static class RegionRoute
{
    public static async Task<IActionResult> RunAsync(HttpRequest request, string regionId, bool employersMayRead, Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        var refused = await RegionAuthorization.AuthorizeAsync(request.HttpContext, regionId, employersMayRead);
        return new ResultAction(refused ?? await handler());
    }
}
