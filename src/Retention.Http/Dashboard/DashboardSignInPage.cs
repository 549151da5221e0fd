using System.Text.Encodings.Web;

namespace Retention.Http.Dashboard;

/// <summary>The small sign-in form shown instead of the dashboard when there is no session yet.</summary>
public static class DashboardSignInPage
{
    public static string Render(string employerId, bool failed) =>
        Render("Employer", employerId, $"/dashboard/{employerId}/session", "employer", failed);

    /// <summary>The form for one owner (<c>Employer acme</c>, <c>Region haugalandet</c>), posting the key to <paramref name="action"/>.</summary>
    public static string Render(string kind, string ownerId, string action, string noun, bool failed)
    {
        var id = HtmlEncoder.Default.Encode(ownerId);
        var post = HtmlEncoder.Default.Encode(action);
        var error = failed ? $"<p role=\"alert\" style=\"color:#a1150f\">That key is not valid for this {noun}.</p>" : "";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            + "<meta name=\"robots\" content=\"noindex\"><title>Retention dashboard — sign in</title>"
            + "<style>body{font-family:system-ui,sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}"
            + "input{font-size:1rem;padding:.5rem;width:100%;box-sizing:border-box}button{margin-top:1rem;font-size:1rem;padding:.6rem 1.4rem;border:0;border-radius:.4rem;background:#0b5cad;color:#fff}</style></head>"
            + $"<body><main><h1>Retention dashboard</h1><p>{kind} <strong>{id}</strong>. Sign in with one of the {noun}'s API keys.</p>{error}"
            + $"<form method=\"post\" action=\"{post}\"><label for=\"apiKey\">API key</label>"
            + "<input id=\"apiKey\" name=\"apiKey\" type=\"password\" autocomplete=\"off\" required><button type=\"submit\">Open the dashboard</button></form></main></body></html>";
    }
}
