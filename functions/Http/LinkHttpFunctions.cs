using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Http;

namespace Retention.Functions.Http;

/// <summary>One-click links: GET shows the confirmation page (safe against link-prefetching scanners), POST records.</summary>
public static class LinkHttpFunctions
{
    [Function("ShowLink")]
    public static Task<IActionResult> Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "a/{token}")] HttpRequest req, string token) =>
        ResultAction.From(LinkEndpoints.ShowAsync(req.HttpContext, token));

    [Function("ActOnLink")]
    public static Task<IActionResult> Act([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "a/{token}")] HttpRequest req, string token) =>
        ResultAction.From(LinkEndpoints.ActAsync(req.HttpContext, token));
}
