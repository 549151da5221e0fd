using MimeKit;

namespace Retention.Core.Email;

/// <summary>
/// Sends one rendered message: pickup directory, SMTP or Azure Communication Services. A sender must not
/// deliver twice for the same <paramref name="idempotencyKey"/> where the transport lets it know.
/// </summary>
public interface IEmailSender
{
    Task<EmailSendResult> SendAsync(MimeMessage message, string idempotencyKey, CancellationToken cancellationToken);
}
