using System.Text;
using MimeKit;
using Retention.Core.Messaging;

namespace Retention.Core.Tests.Messaging;

public sealed class EmailPayloadTests
{
    private const string Invitation = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n";

    private static MimeMessage WelcomeLunch()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Retention", "noreply@example.no"));
        message.To.Add(new MailboxAddress("Karianne", "karianne@example.no"));
        message.Cc.Add(new MailboxAddress("", "hr@example.no"));
        message.ReplyTo.Add(new MailboxAddress("Ingrid", "hr@example.no"));
        message.Subject = "Velkomstlunsj for Audrey";
        message.Headers.Add("List-Unsubscribe", "<https://retention.example/a/token>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("X-Internal", "not carried");
        var body = new BodyBuilder { HtmlBody = "<p>Book lunsj</p>", TextBody = "Book lunsj" };
        body.Attachments.Add("invitation.ics", Encoding.UTF8.GetBytes(Invitation), new ContentType("text", "calendar"));
        message.Body = body.ToMessageBody();
        return message;
    }

    [Fact]
    public void Carries_both_bodies_and_the_subject()
    {
        var payload = EmailPayload.From(WelcomeLunch());

        Assert.Equal("Velkomstlunsj for Audrey", payload.Subject);
        Assert.Equal("<p>Book lunsj</p>", payload.HtmlBody);
        Assert.Equal("Book lunsj", payload.TextBody);
    }

    [Fact]
    public void Carries_recipients_with_display_names()
    {
        var payload = EmailPayload.From(WelcomeLunch());

        Assert.Equal([new EmailPayloadAddress("karianne@example.no", "Karianne")], payload.To);
        Assert.Equal([new EmailPayloadAddress("hr@example.no", null)], payload.Cc);
        Assert.Empty(payload.Bcc);
        Assert.Equal("hr@example.no", Assert.Single(payload.ReplyTo).Address);
    }

    [Fact]
    public void Decodes_the_calendar_attachment()
    {
        var attachment = Assert.Single(EmailPayload.From(WelcomeLunch()).Attachments);

        Assert.Equal("invitation.ics", attachment.Name);
        Assert.Equal("text/calendar", attachment.ContentType);
        Assert.Equal(Invitation, Encoding.UTF8.GetString(attachment.Content.Span));
    }

    [Fact]
    public void Carries_only_the_unsubscribe_and_auto_submitted_headers()
    {
        var headers = EmailPayload.From(WelcomeLunch()).Headers;

        Assert.Equal("<https://retention.example/a/token>", headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
        Assert.False(headers.ContainsKey("X-Internal"));
        Assert.False(headers.ContainsKey("Subject"));
    }

    [Fact]
    public void A_text_only_message_has_no_html_and_no_attachments()
    {
        var message = new MimeMessage { Subject = "Hei" };
        message.To.Add(MailboxAddress.Parse("a@example.no"));
        message.Body = new TextPart("plain") { Text = "Hei" };

        var payload = EmailPayload.From(message);

        Assert.Null(payload.HtmlBody);
        Assert.Equal("Hei", payload.TextBody);
        Assert.Empty(payload.Attachments);
    }
}
