using Microsoft.AspNetCore.Http;

namespace Retention.Http.Pages;

/// <summary>
/// Every HTML page the service renders (link pages, sign-in, dashboards) answers through here, with the headers such
/// pages need: a Content-Security-Policy that allows no script and nothing from elsewhere (the pages need neither),
/// no MIME sniffing, no Referer (a link page's URL is a credential), and no caching (tokens and people's data).
/// </summary>
public sealed class HtmlPage(string html, int statusCode) : IResult
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IResult Result(string html, int statusCode) => new HtmlPage(html, statusCode);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(html, httpContext.RequestAborted);
    }
}
