using System.Globalization;
using System.Text;
using Retention.Core.Links;

namespace Retention.Core.Content;

/// <summary>
/// Assembles the sections of one message into the plain-text and HTML bodies: greeting, each nudge (with a
/// heading when several are merged), its one-click actions, sign-off and the footer with the unsubscribe link.
/// </summary>
internal sealed class MessageBody(LanguageStrings strings, string language, string recipientName, string fromName, int linkDays, ActionLinks links)
{
    private const string Button = "display:inline-block;margin:0 8px 8px 0;padding:8px 14px;border-radius:6px;background:#1a5fb4;color:#ffffff;text-decoration:none";
    private const string Secondary = "display:inline-block;margin:0 8px 8px 0;padding:8px 14px;border-radius:6px;border:1px solid #1a5fb4;color:#1a5fb4;text-decoration:none";
    private const string Scale = "display:inline-block;margin:0 6px 6px 0;width:36px;padding:8px 0;text-align:center;border-radius:6px;border:1px solid #1a5fb4;color:#1a5fb4;text-decoration:none";

    public (string Text, string Html) Build(IReadOnlyList<RenderedSection> sections, string unsubscribeUrl)
    {
        var merged = sections.Count > 1;
        var greeting = strings.Greeting.Replace("{name}", recipientName, StringComparison.Ordinal);
        var signOff = strings.SignOff.Replace("{from}", fromName, StringComparison.Ordinal);
        var footer = strings.Footer.Replace("{days}", linkDays.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var text = new StringBuilder().Append(greeting).Append("\n\n");
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(language).Append("\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>\n")
            .Append("<body style=\"margin:0;padding:24px;background:#f6f5f4\">\n<div style=\"max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#241f31\">\n")
            .Append("<p style=\"margin:0 0 16px\">").Append(LightMarkup.Escape(greeting)).Append("</p>\n");

        foreach (var section in sections)
        {
            if (merged)
            {
                text.Append(section.Subject).Append('\n').Append(new string('-', Math.Min(section.Subject.Length, 60))).Append("\n\n");
                html.Append("<h2 style=\"font-size:18px;margin:24px 0 12px\">").Append(LightMarkup.Escape(section.Subject)).Append("</h2>\n");
            }

            text.Append(section.Text).Append("\n\n");
            html.Append(section.Html);
            AppendActions(section, text, html);
        }

        text.Append(signOff).Append("\n\n-- \n").Append(footer).Append('\n')
            .Append(strings.Unsubscribe).Append(": ").Append(unsubscribeUrl).Append('\n');
        html.Append("<p style=\"margin:24px 0 0\">").Append(LightMarkup.Escape(signOff).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n")
            .Append("</div>\n<p style=\"max-width:560px;margin:16px auto 0;font-family:Helvetica,Arial,sans-serif;font-size:12px;line-height:1.5;color:#77767b\">")
            .Append(LightMarkup.Escape(footer)).Append(" <a href=\"").Append(LightMarkup.Escape(unsubscribeUrl)).Append("\" style=\"color:#77767b\">")
            .Append(LightMarkup.Escape(strings.Unsubscribe)).Append("</a></p>\n</body>\n</html>\n");
        return (text.ToString(), html.ToString());
    }

    private void AppendActions(RenderedSection section, StringBuilder text, StringBuilder html)
    {
        var actions = section.Template.Actions;
        var buttons = new List<(string Label, string Url, bool Primary)>();
        foreach (var (name, action, label) in new[] { ("done", LinkAction.Done, strings.Done), ("snooze", LinkAction.Snooze, strings.Snooze), ("dismiss", LinkAction.Dismiss, strings.Dismiss) })
        {
            if (actions.Contains(name))
            {
                buttons.Add((section.Template.Labels.GetValueOrDefault(name, label), links.For(section.Nudge, action), name == "done"));
            }
        }

        if (buttons.Count > 0)
        {
            text.Append(strings.ActionsIntro).Append('\n');
            html.Append("<p style=\"margin:8px 0 16px\">");
            foreach (var (label, url, primary) in buttons)
            {
                text.Append("- ").Append(label).Append(": ").Append(url).Append('\n');
                html.Append("<a href=\"").Append(LightMarkup.Escape(url)).Append("\" style=\"").Append(primary ? Button : Secondary).Append("\">")
                    .Append(LightMarkup.Escape(label)).Append("</a>\n");
            }

            text.Append('\n');
            html.Append("</p>\n");
        }

        if (actions.Contains("checkin"))
        {
            foreach (var (question, action) in new[] { (strings.Belonging, LinkAction.Belonging), (strings.IntentToStay, LinkAction.IntentToStay) })
            {
                text.Append(question).Append(" (").Append(strings.Scale).Append(")\n");
                html.Append("<p style=\"margin:8px 0 4px\"><strong>").Append(LightMarkup.Escape(question)).Append("</strong><br>\n<span style=\"font-size:13px;color:#5e5c64\">")
                    .Append(LightMarkup.Escape(strings.Scale)).Append("</span></p>\n<p style=\"margin:0 0 16px\">");
                for (var value = 1; value <= 5; value++)
                {
                    var url = links.For(section.Nudge, action, value);
                    var digit = value.ToString(CultureInfo.InvariantCulture);
                    text.Append("  ").Append(digit).Append(": ").Append(url).Append('\n');
                    html.Append("<a href=\"").Append(LightMarkup.Escape(url)).Append("\" style=\"").Append(Scale).Append("\">").Append(digit).Append("</a>\n");
                }

                text.Append('\n');
                html.Append("</p>\n");
            }
        }
    }
}
