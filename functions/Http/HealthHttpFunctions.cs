using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Http;

namespace Retention.Functions.Http;

/// <summary>Liveness, readiness and the OpenAPI document.</summary>
public static class HealthHttpFunctions
{
    [Function("Health")]
    public static Task<IActionResult> Live([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req) =>
        ResultAction.From(HealthEndpoints.LiveAsync(req.HttpContext));

    [Function("HealthReady")]
    public static Task<IActionResult> Ready([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/ready")] HttpRequest req) =>
        ResultAction.From(HealthEndpoints.ReadyAsync(req.HttpContext));

    [Function("OpenApi")]
    public static Task<IActionResult> OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest req) =>
        ResultAction.From(HealthEndpoints.OpenApiAsync(req.HttpContext));
}
