using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Core.Application;
using Retention.Http.Links;

namespace Retention.Functions.Http;

/// <summary>One-click links: GET shows the confirmation page (safe against link-prefetching scanners), POST records. No API key: the token is the credential.</summary>
public sealed class LinkHttpFunctions(LinkActionService links)
{
    [Function("ShowLink")]
    public Task<IActionResult> Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "a/{token}")] HttpRequest req, string token, CancellationToken cancellationToken) =>
        PublicRoute.RunAsync(() => LinkEndpoints.ShowAsync(token, req, links, cancellationToken));

    [Function("UseLink")]
    public Task<IActionResult> Act([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "a/{token}")] HttpRequest req, string token, CancellationToken cancellationToken) =>
        PublicRoute.RunAsync(() => LinkEndpoints.ActAsync(token, req, links, cancellationToken));
}
