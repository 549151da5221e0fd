using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Retention.Http.Dashboard;

/// <summary>
/// The HR page's session: started by posting an API key once, then a protected, expiring cookie scoped to the
/// employer's dashboard path. The key itself is never stored in the browser.
/// </summary>
public sealed class DashboardSession(IDataProtectionProvider protection)
{
    public const string CookieName = "retention-dashboard";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Retention.Dashboard.Session.v1").ToTimeLimitedDataProtector();

    public void Start(HttpResponse response, string employerId)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieName, _protector.Protect(employerId, Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/dashboard/" + employerId,
            MaxAge = Lifetime,
        });
    }

    /// <summary>True when the request carries a live session cookie for exactly this employer.</summary>
    public bool IsFor(HttpRequest request, string employerId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return false;
        }

        try
        {
            return string.Equals(_protector.Unprotect(cookie), employerId, StringComparison.Ordinal);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
