using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Retention.Http;

namespace Retention.Functions.Http;

/// <summary>
/// Liveness and readiness, answering as the server's <c>MapHealthChecks</c> does: the status as plain text, 200 unless
/// Unhealthy (503), never cached. The OpenAPI document is served by the self-hosted server only (docs/deploy.md).
/// </summary>
public sealed class HealthHttpFunctions(HealthCheckService health)
{
    [Function("Health")]
    public static Task<IActionResult> Live([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req) =>
        PublicRoute.RunAsync(() => Task.FromResult(Answer(req, HealthStatus.Healthy)));

    [Function("HealthReady")]
    public Task<IActionResult> Ready([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/ready")] HttpRequest req, CancellationToken cancellationToken) =>
        PublicRoute.RunAsync(async () =>
            Answer(req, (await health.CheckHealthAsync(check => check.Tags.Contains(RetentionHttpExtensions.ReadyTag), cancellationToken)).Status));

    private static IResult Answer(HttpRequest req, HealthStatus status)
    {
        req.HttpContext.Response.Headers.CacheControl = "no-store, no-cache";
        return TypedResults.Text(status.ToString(), "text/plain", null, status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
