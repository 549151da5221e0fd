using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Http.Regions;

namespace Retention.Functions.Http;

/// <summary>
/// The regional dashboard: JSON behind the region's key, and the page with its sign-in, whose shared handler accepts
/// a session cookie or the key and answers with the sign-in form otherwise (so it is not put behind <see cref="RegionRoute"/>).
/// </summary>
public static class RegionalDashboardHttpFunctions
{
    [Function("GetRegionalDashboard")]
    public static Task<IActionResult> Json([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/regions/{regionId}/dashboard")] HttpRequest req, string regionId, CancellationToken cancellationToken) =>
        RegionRoute.RunAsync(req, regionId, false, () => RegionalDashboardEndpoints.GetJsonAsync(regionId, req.HttpContext, cancellationToken));

    [Function("GetRegionalDashboardPage")]
    public static Task<IActionResult> Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/regions/{regionId}")] HttpRequest req, string regionId, CancellationToken cancellationToken) =>
        PublicRoute.RunAsync(() => RegionalDashboardEndpoints.GetPageAsync(regionId, req.HttpContext, cancellationToken));

    [Function("StartRegionalDashboardSession")]
    public static Task<IActionResult> SignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dashboard/regions/{regionId}/session")] HttpRequest req, string regionId, CancellationToken cancellationToken) =>
        PublicRoute.RunAsync(() => RegionalDashboardEndpoints.SignInAsync(regionId, req.HttpContext, cancellationToken));
}
