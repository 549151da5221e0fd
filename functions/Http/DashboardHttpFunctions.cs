using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Http.Dashboard;

namespace Retention.Functions.Http;

/// <summary>
/// Dashboard JSON and CSV (employer API: behind the API key) and the HR page with its sign-in. The page and sign-in
/// routes sit outside the API group in the server too: their handler accepts a dashboard session cookie or the key
/// and answers with the sign-in form otherwise, so they must not be put behind <see cref="EmployerRoute"/>.
/// </summary>
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
        PublicRoute.RunAsync(() => DashboardEndpoints.GetPageAsync(employerId, QueryValues.Text(req, "from"), QueryValues.Text(req, "to"), req.HttpContext, cancellationToken));

    [Function("StartDashboardSession")]
    public static Task<IActionResult> SignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dashboard/{employerId}/session")] HttpRequest req, string employerId, CancellationToken cancellationToken) =>
        PublicRoute.RunAsync(() => DashboardEndpoints.SignInAsync(employerId, req.HttpContext, cancellationToken));
}
