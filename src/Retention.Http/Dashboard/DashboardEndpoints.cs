using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Access;
using Retention.Core.Analytics;
using Retention.Core.Application;
using Retention.Dashboard;
using Retention.Http.Auth;
using Retention.Http.Json;
using Retention.Http.OpenApi;
using Retention.Http.Problems;

namespace Retention.Http.Dashboard;

/// <summary>The HR dashboard: JSON and CSV under the employer API, and the server-rendered page.</summary>
public static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboardEndpoints(this RouteGroupBuilder employer)
    {
        ArgumentNullException.ThrowIfNull(employer);
        employer.MapGet("/dashboard", GetJsonAsync).WithName("GetDashboard")
            .Documented("Dashboard", "Get the dashboard figures", "Retention (Kaplan–Meier with 95 % intervals), ildsjel action rates, check-ins and the at-risk list for enrolments started from..to (ISO dates). Groups under the threshold are suppressed.")
            .Produces<DashboardReport>().ProducesValidationProblem();
        employer.MapGet("/dashboard.csv", GetCsvAsync).WithName("GetDashboardCsv")
            .Documented("Dashboard", "Get the rows behind the dashboard as CSV", "One row per newcomer, no free text.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesValidationProblem();
        return employer;
    }

    public static IEndpointRouteBuilder MapDashboardPage(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/dashboard/{employerId}", GetPageAsync).ExcludeFromDescription();
        app.MapPost("/dashboard/{employerId}/session", SignInAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    public static async Task<IResult> GetJsonAsync(string employerId, string? from, string? to, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (report, _, problem) = await ComputeAsync(employerId, from, to, context, cancellationToken);
        return problem ?? TypedResults.Ok(report);
    }

    public static async Task<IResult> GetCsvAsync(string employerId, string? from, string? to, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var service = context.RequestServices.GetRequiredService<DashboardService>();
        var (query, errors) = DashboardRequest.Parse(employerId, from, to, service.Today);
        if (query is null)
        {
            return ApiProblems.Validation(errors);
        }

        var records = await service.RecordsAsync(employerId, cancellationToken);
        var csv = DashboardCsv.Write(records, query);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"retention-{employerId}-{query.To:yyyy-MM-dd}.csv");
    }

    /// <summary>The page: needs a dashboard session (or an <c>X-Api-Key</c> header); otherwise shows the sign-in form.</summary>
    public static async Task<IResult> GetPageAsync(string employerId, string? from, string? to, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = context.RequestServices.GetRequiredService<DashboardSession>();
        if (!session.IsFor(context.Request, employerId))
        {
            if (!context.Request.Headers.ContainsKey(ApiKeyAuthorization.HeaderName))
            {
                return Html(DashboardSignInPage.Render(employerId, failed: false), StatusCodes.Status401Unauthorized);
            }

            if (await ApiKeyAuthorization.AuthorizeAsync(context, employerId) is { } denied)
            {
                return denied;
            }
        }

        var (report, query, problem) = await ComputeAsync(employerId, from, to, context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var range = (query!.From is { } f ? $"from={f:yyyy-MM-dd}&" : "") + $"to={query.To:yyyy-MM-dd}";
        var html = DashboardPage.Render(report!, new DashboardPageOptions
        {
            EmployerName = employerId,
            JsonUrl = $"/api/v1/employers/{employerId}/dashboard?{range}",
            CsvUrl = $"/api/v1/employers/{employerId}/dashboard.csv?{range}",
        });
        return Html(html, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SignInAsync(string employerId, HttpContext context, CancellationToken cancellationToken) =>
        await DashboardSignIn.TryStartAsync(context, KeyOwner.Employer(employerId), cancellationToken)
            ?? Html(DashboardSignInPage.Render(employerId, failed: true), StatusCodes.Status401Unauthorized);

    private static async Task<(DashboardReport? Report, DashboardQuery? Query, IResult? Problem)> ComputeAsync(
        string employerId, string? from, string? to, HttpContext context, CancellationToken cancellationToken)
    {
        var service = context.RequestServices.GetRequiredService<DashboardService>();
        var (query, errors) = DashboardRequest.Parse(employerId, from, to, service.Today);
        if (query is null)
        {
            return (null, null, ApiProblems.Validation(errors));
        }

        return (await service.ReportAsync(query, cancellationToken), query, null);
    }

    private static IResult Html(string html, int status) => Pages.HtmlPage.Result(html, status);
}
