using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Retention.Core.Access;

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

    /// <summary>A session for the owner's page: the employer's dashboard, or a region's (<c>/dashboard/regions/{id}</c>).</summary>
    public void Start(HttpResponse response, KeyOwner owner)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(owner);
        response.Cookies.Append(CookieName, _protector.Protect(owner.Stored, Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = PagePath(owner),
            MaxAge = Lifetime,
        });
    }

    public static string PagePath(KeyOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return owner.Kind == KeyOwnerKind.Region ? "/dashboard/regions/" + owner.Id : "/dashboard/" + owner.Id;
    }

    /// <summary>True when the request carries a live session cookie for exactly this employer.</summary>
    public bool IsFor(HttpRequest request, string employerId) => IsFor(request, KeyOwner.Employer(employerId));

    /// <summary>True when the request carries a live session cookie for exactly this owner (an employer's never opens a region's page).</summary>
    public bool IsFor(HttpRequest request, KeyOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return false;
        }

        try
        {
            return string.Equals(_protector.Unprotect(cookie), owner.Stored, StringComparison.Ordinal);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
