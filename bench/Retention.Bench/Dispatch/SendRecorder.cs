using System.Collections.Concurrent;
using MimeKit;
using NodaTime;
using Retention.Core.Email;

namespace Retention.Bench.Dispatch;

/// <summary>Wraps the real sender and notes when each message's send returned, by idempotency key.</summary>
public sealed class SendRecorder(IEmailSender inner) : IEmailSender
{
    public ConcurrentDictionary<string, Instant> Sent { get; } = new(StringComparer.Ordinal);

    public async Task<EmailSendResult> SendAsync(MimeMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        var result = await inner.SendAsync(message, idempotencyKey, cancellationToken);
        Sent[idempotencyKey] = SystemClock.Instance.GetCurrentInstant();
        return result;
    }
}
