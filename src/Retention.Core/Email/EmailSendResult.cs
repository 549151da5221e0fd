namespace Retention.Core.Email;

/// <summary>The result of one send attempt. <see cref="Detail"/> never holds personal data.</summary>
public sealed record EmailSendResult(EmailSendStatus Status, TimeSpan? RetryAfter = null, string? Detail = null)
{
    public static EmailSendResult Sent { get; } = new(EmailSendStatus.Sent);

    public static EmailSendResult Throttled(TimeSpan? retryAfter, string? detail = null) => new(EmailSendStatus.Throttled, retryAfter, detail);

    public static EmailSendResult Transient(string detail) => new(EmailSendStatus.Transient, null, detail);

    public static EmailSendResult Permanent(string detail) => new(EmailSendStatus.Permanent, null, detail);
}
