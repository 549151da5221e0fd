using MimeKit;
using Retention.Testing;

namespace Retention.Email.Tests;

/// <summary>The shared maildev fixture itself: reads what arrived, exposes the raw source, clears the mailbox.</summary>
public sealed class MaildevServerTests(MaildevFixture maildev) : IClassFixture<MaildevFixture>
{
    [SkippableFact]
    public async Task Reads_received_mail_with_its_source_and_deletes_it_all()
    {
        var server = maildev.Require();
        await using var sender = new SmtpEmailSender(
            Microsoft.Extensions.Options.Options.Create(new EmailOptions
            {
                Provider = EmailProvider.Smtp,
                Smtp = new SmtpOptions { Host = server.Host, Port = server.SmtpPort, Security = MailKit.Security.SecureSocketOptions.None },
            }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SmtpEmailSender>.Instance);
        await sender.SendAsync(TestMessages.Nudge(subject: "one"), "k1", CancellationToken.None);
        await sender.SendAsync(TestMessages.Nudge(subject: "two"), "k2", CancellationToken.None);

        var emails = await server.WaitForEmailsAsync(2, TimeSpan.FromSeconds(20));
        await using var source = await server.GetSourceAsync(emails[0].Id);
        var parsed = await MimeMessage.LoadAsync(source);
        await server.DeleteAllAsync();
        var after = await server.GetEmailsAsync();

        Assert.Equal(["one", "two"], emails.Select(e => e.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(emails[0].Header(IdempotencyStamp.HeaderName), parsed.Headers[IdempotencyStamp.HeaderName]);
        Assert.Equal(emails[0].MessageId, parsed.MessageId);
        Assert.Empty(after);
    }
}
