using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Access;
using Retention.Http.Json;

namespace Retention.Http.Dashboard;

/// <summary>
/// The sign-in of a dashboard page (the employer's or a region's): the form posts a key once; when it belongs to the
/// page's owner a session starts and the browser goes to the page. The key itself is never stored in the browser.
/// </summary>
public static class DashboardSignIn
{
    private const int MaxFormBytes = 4096;

    /// <summary>The redirect to the owner's page with a session started, or null when the posted key is not the owner's.</summary>
    public static async Task<IResult?> TryStartAsync(HttpContext context, KeyOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(owner);
        var (body, tooLarge) = await BodyReader.ReadAsync(context.Request, MaxFormBytes, cancellationToken);
        var form = tooLarge ? [] : Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));
        var key = form.TryGetValue("apiKey", out var value) ? value.ToString() : null;
        var authenticated = await context.RequestServices.GetRequiredService<ApiKeyService>().AuthenticateAsync(key, cancellationToken);
        if (authenticated != owner)
        {
            return null;
        }

        context.RequestServices.GetRequiredService<DashboardSession>().Start(context.Response, owner);
        return TypedResults.Redirect(DashboardSession.PagePath(owner), permanent: false, preserveMethod: false);
    }
}
