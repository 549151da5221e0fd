using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Retention.Http.Auth;

namespace Retention.Functions.Http;

/// <summary>
/// The one way an employer-scoped trigger (<c>/api/v1/employers/{employerId}/…</c>, <c>/dashboard/{employerId}</c>)
/// answers: the <c>X-Api-Key</c> check the server runs as an endpoint filter, then the shared handler. A refused
/// caller never reaches the handler.
/// </summary>
public static class EmployerRoute
{
    public static async Task<IActionResult> RunAsync(HttpRequest request, string employerId, Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        var refused = await ApiKeyAuthorization.AuthorizeAsync(request.HttpContext, employerId);
        return new ResultAction(refused ?? await handler());
    }
}
