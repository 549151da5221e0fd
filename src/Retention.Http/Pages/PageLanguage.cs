using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Retention.Http.Pages;

/// <summary>
/// The one rule for which language a signed-in page (dashboard, HR pages, sign-in) is shown in: an explicit
/// <c>?lang=</c> switch (remembered in a cookie), else the remembered choice, else the browser's Accept-Language
/// (Norwegian of any written form reads bokmål), else bokmål. Link pages do not use this: they speak the
/// recipient's language, which the nudge knows.
/// </summary>
public static class PageLanguage
{
    public const string QueryName = "lang";
    public const string CookieName = "retention-lang";
    public const string Default = Bokmal;
    public const string Bokmal = "nb";
    public const string English = "en";

    public static IReadOnlyList<string> Supported { get; } = [Bokmal, English];

    /// <summary>The page language of this request; remembers an explicit switch on the response.</summary>
    public static string For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (Normalize(request.Query[QueryName].ToString()) is { } chosen)
        {
            context.Response.Cookies.Append(CookieName, chosen, new CookieOptions
            {
                HttpOnly = true,
                SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                Secure = request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
                Path = "/",
            });
            return chosen;
        }

        if (request.Cookies.TryGetValue(CookieName, out var remembered) && Normalize(remembered) is { } kept)
        {
            return kept;
        }

        return FromAcceptLanguage(request.Headers.AcceptLanguage.ToString()) ?? Default;
    }

    /// <summary>The first supported language of an Accept-Language header by quality, or null.</summary>
    public static string? FromAcceptLanguage(string header)
    {
        if (string.IsNullOrWhiteSpace(header)
            || !StringWithQualityHeaderValue.TryParseList(header.Split(','), out var values))
        {
            return null;
        }

        return values
            .Where(v => v.Quality is not 0)
            .OrderByDescending(v => v.Quality ?? 1)
            .Select(v => Normalize(v.Value.Value))
            .FirstOrDefault(l => l is not null);
    }

    private static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Split('-', 2)[0].Trim().ToLowerInvariant();
        return primary switch
        {
            "nb" or "no" or "nn" => Bokmal,
            "en" => English,
            _ => null,
        };
    }
}
