using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Retention.Email;

/// <summary>
/// Marks a message with its idempotency key: a <c>Message-Id</c> derived from the key (so a replay carries the
/// same id and a receiving system or a test can recognise the repeat) and an <c>X-Retention-Idempotency-Key</c>
/// header. The key holds ids only, never personal data.
/// </summary>
public static class IdempotencyStamp
{
    public const string HeaderName = "X-Retention-Idempotency-Key";

    public static string MessageIdFor(string idempotencyKey, string domain) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32] + "@" + domain;

    public static void Apply(MimeMessage message, string idempotencyKey, string domain)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        message.MessageId = MessageIdFor(idempotencyKey, domain);
        message.Headers[HeaderName] = idempotencyKey;
    }
}
