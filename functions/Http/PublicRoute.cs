using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Retention.Functions.Http;

/// <summary>
/// How a trigger without an API key answers: one-click links (the signed token is the credential) and health.
/// Never for a route with <c>{employerId}</c>; those go through <see cref="EmployerRoute"/>.
/// </summary>
public static class PublicRoute
{
    public static async Task<IActionResult> RunAsync(Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new ResultAction(await handler());
    }
}
