using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Http.Dashboard;

namespace Retention.Functions.Http;

/// <summary>Dashboard JSON, CSV and page. The handlers resolve what they need from the request's services.</summary>
public static class DashboardHttpFunctions
{
    private const string Dashboard = "api/v1/employers/{employerId}/dashboard";

    [Function("GetDashboard")]
    public static Task<IActionResult> Json([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Dashboard)] HttpRequest req, string employerId, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => DashboardEndpoints.GetJsonAsync(employerId, QueryValues.Text(req, "from"), QueryValues.Text(req, "to"), req.HttpContext, cancellationToken));

    [Function("GetDashboardCsv")]
    public static Task<IActionResult> Csv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Dashboard + ".csv")] HttpRequest req, string employerId, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => DashboardEndpoints.GetCsvAsync(employerId, QueryValues.Text(req, "from"), QueryValues.Text(req, "to"), req.HttpContext, cancellationToken));

    [Function("GetDashboardPage")]
    public static Task<IActionResult> Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{employerId}")] HttpRequest req, string employerId, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => DashboardEndpoints.GetPageAsync(employerId, QueryValues.Text(req, "from"), QueryValues.Text(req, "to"), req.HttpContext, cancellationToken));
}
