using MimeKit;

namespace Retention.Email.Tests;

/// <summary>Messages shaped like the renderer's: HTML + text, optionally an .ics attachment.</summary>
internal static class TestMessages
{
    public static MimeMessage Nudge(string to = "karianne@example.no", string subject = "Book the welcome lunch", bool withInvitation = false)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Retention", "noreply@retention.test"));
        message.To.Add(new MailboxAddress("Karianne", to));
        message.Subject = subject;
        var body = new BodyBuilder
        {
            TextBody = "Hei Karianne! Book the welcome lunch.",
            HtmlBody = "<p>Hei Karianne! <a href=\"https://retention.test/a/tok\">Done</a></p>",
        };
        if (withInvitation)
        {
            body.Attachments.Add("welcome-lunch.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"u8.ToArray(), new ContentType("text", "calendar"));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
