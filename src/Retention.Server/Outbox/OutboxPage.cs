using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using MimeKit;

namespace Retention.Server.Outbox;

/// <summary>The demo outbox: what was "sent" to the pickup directory, listed, and each message as its recipient would see it.</summary>
public static class OutboxPage
{
    private const string Style = "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}table{border-collapse:collapse;width:100%}"
        + "th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}th{background:#f2f4f7}"
        + ".meta{background:#f7f7f7;padding:.8rem;border-radius:.4rem;margin-bottom:1rem}iframe{width:100%;height:70vh;border:1px solid #ccc}";

    public static string List(IReadOnlyList<(string File, MimeMessage Message)> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var rows = new StringBuilder();
        foreach (var (file, message) in messages)
        {
            rows.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(message.Date.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}</td><td>{E(message.To.ToString())}</td>"
                + $"<td><a href=\"/outbox/{Uri.EscapeDataString(file)}\">{E(message.Subject ?? "(no subject)")}</a></td><td>{message.Attachments.Count()}</td></tr>");
        }

        return Page("Outbox", $"<h1>Outbox</h1><p>{messages.Count} message(s) written to the pickup directory, newest first.</p>"
            + "<table><caption class=\"sr\">Sent messages</caption><thead><tr><th scope=\"col\">Sent</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th><th scope=\"col\">Attachments</th></tr></thead>"
            + $"<tbody>{rows}</tbody></table>");
    }

    public static string Show(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var attachments = string.Join(", ", message.Attachments.Select(a => a.ContentType.MimeType + (a is MimePart p && p.FileName is { } f ? " (" + f + ")" : "")));
        var meta = $"<div class=\"meta\"><div><strong>From:</strong> {E(message.From.ToString())}</div><div><strong>To:</strong> {E(message.To.ToString())}</div>"
            + $"<div><strong>Subject:</strong> {E(message.Subject ?? "")}</div><div><strong>Attachments:</strong> {E(attachments.Length == 0 ? "none" : attachments)}</div></div>";

        // The body is shown sandboxed: links work (they open the one-click pages), scripts never run.
        var body = message.HtmlBody is { } html
            ? $"<iframe title=\"Message body\" sandbox=\"allow-popups allow-top-navigation-by-user-activation\" srcdoc=\"{E(html)}\"></iframe>"
            : $"<pre>{E(message.TextBody ?? "")}</pre>";
        return Page(message.Subject ?? "Message", "<p><a href=\"/outbox\">← Outbox</a></p>" + meta + body);
    }

    private static string Page(string title, string body) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{E(title)}</title><style>{Style}</style></head><body><main>{body}</main></body></html>";

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
