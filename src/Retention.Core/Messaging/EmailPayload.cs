using MimeKit;

namespace Retention.Core.Messaging;

/// <summary>
/// A rendered MIME message flattened into what an HTTP e-mail API (Azure Communication Services Email) takes:
/// addresses, subject, the HTML and plain-text bodies, attachments and the custom headers worth carrying.
/// The sender is not taken from the message: such APIs send only from their own verified domain.
/// </summary>
public sealed record EmailPayload(
    IReadOnlyList<EmailPayloadAddress> To,
    IReadOnlyList<EmailPayloadAddress> Cc,
    IReadOnlyList<EmailPayloadAddress> Bcc,
    IReadOnlyList<EmailPayloadAddress> ReplyTo,
    string Subject,
    string? HtmlBody,
    string? TextBody,
    IReadOnlyList<EmailPayloadAttachment> Attachments,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Custom headers carried over (the provider sets the standard ones itself).</summary>
    public static IReadOnlySet<string> CarriedHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "List-Unsubscribe",
        "List-Unsubscribe-Post",
        "Auto-Submitted",
    };

    public static EmailPayload From(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var attachments = message.Attachments.OfType<MimePart>().Select(EmailPayloadAttachment.From).ToList();
        var headers = message.Headers
            .Where(h => CarriedHeaders.Contains(h.Field))
            .GroupBy(h => h.Field, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value.Trim(), StringComparer.OrdinalIgnoreCase);

        return new EmailPayload(
            Addresses(message.To),
            Addresses(message.Cc),
            Addresses(message.Bcc),
            Addresses(message.ReplyTo),
            message.Subject ?? "",
            message.HtmlBody,
            message.TextBody,
            attachments,
            headers);
    }

    private static List<EmailPayloadAddress> Addresses(InternetAddressList list) =>
        list.Mailboxes.Select(m => new EmailPayloadAddress(m.Address, string.IsNullOrWhiteSpace(m.Name) ? null : m.Name)).ToList();
}
