using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Http;

namespace Retention.Functions.Http;

/// <summary>Dashboard JSON, CSV and page.</summary>
public static class DashboardHttpFunctions
{
    private const string Dashboard = "api/v1/employers/{employerId}/dashboard";

    [Function("GetDashboard")]
    public static Task<IActionResult> Json([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Dashboard)] HttpRequest req, string employerId) =>
        ResultAction.From(DashboardEndpoints.GetAsync(req.HttpContext, employerId));

    [Function("GetDashboardCsv")]
    public static Task<IActionResult> Csv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Dashboard + ".csv")] HttpRequest req, string employerId) =>
        ResultAction.From(DashboardEndpoints.GetCsvAsync(req.HttpContext, employerId));

    [Function("GetDashboardPage")]
    public static Task<IActionResult> Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{employerId}")] HttpRequest req, string employerId) =>
        ResultAction.From(DashboardEndpoints.GetPageAsync(req.HttpContext, employerId));
}
