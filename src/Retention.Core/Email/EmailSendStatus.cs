namespace Retention.Core.Email;

/// <summary>How a send attempt ended, in terms the dispatch retry rules understand.</summary>
public enum EmailSendStatus
{
    /// <summary>Accepted by the provider (or already accepted earlier under the same idempotency key).</summary>
    Sent,

    /// <summary>The provider asked us to slow down (SMTP 421/451-4.7.x, HTTP 429); retry after <see cref="EmailSendResult.RetryAfter"/>.</summary>
    Throttled,

    /// <summary>A failure worth retrying with back-off (network, 5xx, SMTP 4xx).</summary>
    Transient,

    /// <summary>Retrying cannot help (bad address, message rejected, 4xx other than 429).</summary>
    Permanent,
}
