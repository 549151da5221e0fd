using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Retention.Functions.Http;

/// <summary>
/// Runs a minimal-API <see cref="IResult"/> (what the shared handlers return) as an <see cref="IActionResult"/>, the
/// result type the Functions ASP.NET Core integration executes.
/// </summary>
public sealed class ResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return result.ExecuteAsync(context.HttpContext);
    }

    public static async Task<IActionResult> From(Task<IResult> result) => new ResultAction(await result);
}
