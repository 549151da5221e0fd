using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Access;
using Retention.Core.Analytics;
using Retention.Core.Application;
using Retention.Core.Content;
using Retention.Core.Regions;
using Retention.Dashboard;
using Retention.Http.Auth;
using Retention.Http.Dashboard;
using Retention.Http.Json;
using Retention.Http.OpenApi;
using Retention.Http.Problems;

namespace Retention.Http.Regions;

/// <summary>
/// Retention across the employers that share with the region, for its curators only: JSON under the region API and
/// the server-rendered page (signed in with the region's key, like the HR page). Never per employer, never a person.
/// </summary>
public static class RegionalDashboardEndpoints
{
    public static IEndpointRouteBuilder MapRegionalDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/v1/regions/{regionId}/dashboard", GetJsonAsync).AddEndpointFilter(RegionAuthorization.CuratorsOnlyAsync)
            .WithName("GetRegionalDashboard")
            .Documented("Regions", "Get the regional dashboard", "Retention across the employers that share with the region, by municipality and overall; a cell only with ≥ 5 newcomers from ≥ 3 employers; never per employer, never a person. The region's key only.")
            .Produces<RegionalDashboardResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/dashboard/regions/{regionId}", GetPageAsync).ExcludeFromDescription();
        app.MapPost("/dashboard/regions/{regionId}/session", SignInAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    public static async Task<IResult> GetJsonAsync(string regionId, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await ReportAsync(regionId, context, cancellationToken);
        return report is null ? ApiProblems.NotFound("region") : TypedResults.Ok(new RegionalDashboardResponse(regionId, report));
    }

    /// <summary>The page: needs a session for this region (or its key in <c>X-Api-Key</c>); otherwise shows the sign-in form.</summary>
    public static async Task<IResult> GetPageAsync(string regionId, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var owner = KeyOwner.Region(regionId);
        if (!context.RequestServices.GetRequiredService<DashboardSession>().IsFor(context.Request, owner))
        {
            if (!context.Request.Headers.ContainsKey(ApiKeyAuthorization.HeaderName))
            {
                return Html(SignInPage(regionId, failed: false), StatusCodes.Status401Unauthorized);
            }

            if (await RegionAuthorization.AuthorizeAsync(context, regionId, employersMayRead: false) is { } denied)
            {
                return denied;
            }
        }

        var report = await ReportAsync(regionId, context, cancellationToken);
        return report is null
            ? ApiProblems.NotFound("region")
            : Html(RegionalDashboardPage.Render(report, new RegionalDashboardPageOptions { JsonUrl = $"/api/v1/regions/{regionId}/dashboard" }), StatusCodes.Status200OK);
    }

    public static async Task<IResult> SignInAsync(string regionId, HttpContext context, CancellationToken cancellationToken) =>
        await DashboardSignIn.TryStartAsync(context, KeyOwner.Region(regionId), cancellationToken)
            ?? Html(SignInPage(regionId, failed: true), StatusCodes.Status401Unauthorized);

    private static async Task<RegionalDashboardReport?> ReportAsync(string regionId, HttpContext context, CancellationToken cancellationToken)
    {
        var region = await context.RequestServices.GetRequiredService<RegionService>().GetAsync(regionId, cancellationToken);
        if (region is null)
        {
            return null;
        }

        var content = RegionalContentJson.Parse(region.Document);
        return await context.RequestServices.GetRequiredService<RegionalDashboardService>().ReportAsync(content.Name, region.Municipalities, cancellationToken);
    }

    private static string SignInPage(string regionId, bool failed) =>
        DashboardSignInPage.Render("Region", regionId, $"/dashboard/regions/{regionId}/session", "region", failed);

    private static IResult Html(string html, int status) => Pages.HtmlPage.Result(html, status);
}
