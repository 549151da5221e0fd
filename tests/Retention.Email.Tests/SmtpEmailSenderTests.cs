using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MailKit.Security;
using MimeKit;
using Retention.Core.Email;
using Retention.Testing;

namespace Retention.Email.Tests;

/// <summary>The SMTP sender against a real SMTP server (maildev) and, for replies maildev never gives, a scripted one.</summary>
public sealed class SmtpEmailSenderTests(MaildevFixture maildev) : IClassFixture<MaildevFixture>
{
    [SkippableFact]
    public async Task Delivers_html_text_and_the_invitation_with_a_stable_message_id()
    {
        var server = maildev.Require();
        await using var sender = Sender(server.SmtpPort);
        var key = "acme:enr-1:Ildsjel:2027-03-04:r0:" + Guid.NewGuid().ToString("N");

        var result = await sender.SendAsync(TestMessages.Nudge(withInvitation: true), key, CancellationToken.None);

        Assert.Equal(EmailSendStatus.Sent, result.Status);
        var email = await WaitForKeyAsync(server, key);
        Assert.Equal("Book the welcome lunch", email.Subject);
        Assert.Equal(["karianne@example.no"], email.Recipients);
        Assert.Contains("<a href=\"https://retention.test/a/tok\">", email.Html, StringComparison.Ordinal);
        Assert.Contains("Book the welcome lunch.", email.Text, StringComparison.Ordinal);
        var attachment = Assert.Single(email.Attachments ?? []);
        Assert.Equal("welcome-lunch.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType);
        Assert.Equal(IdempotencyStamp.MessageIdFor(key, "retention.local"), email.MessageId);
    }

    [SkippableFact]
    public async Task Reuses_its_connections_over_many_messages()
    {
        var server = maildev.Require();
        await using var sender = Sender(server.SmtpPort, poolSize: 2);
        var run = Guid.NewGuid().ToString("N");

        foreach (var i in Enumerable.Range(0, 10))
        {
            Assert.Equal(EmailSendStatus.Sent, (await sender.SendAsync(TestMessages.Nudge(subject: run), $"{run}:{i}", CancellationToken.None)).Status);
        }

        var parallel = await Task.WhenAll(Enumerable.Range(10, 30).Select(i => sender.SendAsync(TestMessages.Nudge(subject: run), $"{run}:{i}", CancellationToken.None)));

        Assert.All(parallel, r => Assert.Equal(EmailSendStatus.Sent, r.Status));
        Assert.InRange(sender.ConnectionsOpened, 1, 2);
        var arrived = await WaitAsync(server, emails => emails.Count(e => e.Subject == run) >= 40);
        Assert.Equal(40, arrived.Where(e => e.Subject == run).Select(e => e.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Answers_transient_when_the_server_is_unreachable()
    {
        await using var sender = Sender(TestTools.FreeTcpPort());

        var result = await sender.SendAsync(TestMessages.Nudge(), "key", CancellationToken.None);

        Assert.Equal(EmailSendStatus.Transient, result.Status);
        Assert.StartsWith("smtp ", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("421 4.7.0 Too many messages, slow down", EmailSendStatus.Throttled, "smtp 421 4.7.0")]
    [InlineData("451 4.7.1 Rate limit exceeded", EmailSendStatus.Throttled, "smtp 451 4.7.1")]
    [InlineData("451 4.3.0 Mail server temporarily rejected message", EmailSendStatus.Transient, "smtp 451 4.3.0")]
    [InlineData("452 4.2.2 Mailbox full", EmailSendStatus.Transient, "smtp 452 4.2.2")]
    [InlineData("554 5.7.1 Message rejected as spam", EmailSendStatus.Permanent, "smtp 554 5.7.1")]
    public async Task Maps_the_servers_reply_after_the_data(string reply, EmailSendStatus expected, string detail)
    {
        await using var server = new ScriptedSmtpServer { DataReply = reply };
        await using var sender = Sender(server.Port);

        var result = await sender.SendAsync(TestMessages.Nudge(), "key", CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Equal(detail, result.Detail);
    }

    [Fact]
    public async Task Answers_permanent_for_a_rejected_recipient_without_quoting_the_address()
    {
        await using var server = new ScriptedSmtpServer { RcptReply = "550 5.1.1 <karianne@example.no>: Recipient address rejected" };
        await using var sender = Sender(server.Port);

        var result = await sender.SendAsync(TestMessages.Nudge(), "key", CancellationToken.None);

        Assert.Equal(EmailSendStatus.Permanent, result.Status);
        Assert.Equal("smtp 550 5.1.1", result.Detail);
    }

    [Fact]
    public async Task Keeps_the_connection_after_a_rejection_and_reconnects_after_a_drop()
    {
        await using var server = new ScriptedSmtpServer { DataReply = "550 5.7.1 no" };
        await using var sender = Sender(server.Port, idleCheckAfter: TimeSpan.Zero);

        await sender.SendAsync(TestMessages.Nudge(), "k1", CancellationToken.None);
        server.DataReply = "250 2.0.0 queued";
        server.DropAfterEachMessage = true;
        var afterRejection = await sender.SendAsync(TestMessages.Nudge(), "k2", CancellationToken.None);
        var afterDrop = await sender.SendAsync(TestMessages.Nudge(), "k3", CancellationToken.None);

        Assert.Equal(EmailSendStatus.Sent, afterRejection.Status);
        Assert.Equal(EmailSendStatus.Sent, afterDrop.Status);
        Assert.Equal(2, sender.ConnectionsOpened);
        Assert.Equal(2, server.MessagesAccepted);
    }

    private static SmtpEmailSender Sender(int port, int poolSize = 1, TimeSpan? idleCheckAfter = null) => new(
        Options.Create(new EmailOptions
        {
            Provider = EmailProvider.Smtp,
            Smtp = new SmtpOptions
            {
                Host = "127.0.0.1",
                Port = port,
                Security = SecureSocketOptions.None,
                PoolSize = poolSize,
                Timeout = TimeSpan.FromSeconds(10),
                IdleCheckAfter = idleCheckAfter ?? TimeSpan.FromSeconds(15),
            },
        }),
        NullLogger<SmtpEmailSender>.Instance);

    private static async Task<MaildevEmail> WaitForKeyAsync(MaildevServer server, string key)
    {
        var emails = await WaitAsync(server, all => all.Any(e => e.Header(IdempotencyStamp.HeaderName) == key));
        return emails.Single(e => e.Header(IdempotencyStamp.HeaderName) == key);
    }

    private static async Task<IReadOnlyList<MaildevEmail>> WaitAsync(MaildevServer server, Func<IReadOnlyList<MaildevEmail>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var emails = await server.GetEmailsAsync();
            if (done(emails) || DateTime.UtcNow > deadline)
            {
                return emails;
            }

            await Task.Delay(100);
        }
    }
}
