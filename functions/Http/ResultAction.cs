using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Retention.Functions.Http;

/// <summary>
/// Runs a minimal-API <see cref="IResult"/> (what the shared handlers return) as an <see cref="IActionResult"/>, the only
/// result type the Functions ASP.NET Core integration executes. Internal on purpose: triggers reach it only through
/// <see cref="EmployerRoute"/> or <see cref="PublicRoute"/>, so an employer route cannot skip the API-key check by accident.
/// </summary>
internal sealed class ResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return result.ExecuteAsync(context.HttpContext);
    }
}
