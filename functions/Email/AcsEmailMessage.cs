using Azure.Communication.Email;
using Retention.Core.Messaging;

namespace Retention.Functions.Email;

/// <summary>Builds the ACS <see cref="EmailMessage"/> from Core's flattened <see cref="EmailPayload"/>: HTML + text, attachments, headers.</summary>
public static class AcsEmailMessage
{
    public static EmailMessage From(EmailPayload payload, string senderAddress)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var content = new EmailContent(payload.Subject) { Html = payload.HtmlBody, PlainText = payload.TextBody };
        var recipients = new EmailRecipients(
            payload.To.Select(Address),
            payload.Cc.Select(Address),
            payload.Bcc.Select(Address));
        // No click tracking: ACS would rewrite the signed one-click links.
        var message = new EmailMessage(senderAddress, recipients, content) { UserEngagementTrackingDisabled = true };
        foreach (var replyTo in payload.ReplyTo)
        {
            message.ReplyTo.Add(Address(replyTo));
        }

        foreach (var attachment in payload.Attachments)
        {
            message.Attachments.Add(new EmailAttachment(attachment.Name, attachment.ContentType, BinaryData.FromBytes(attachment.Content))
            {
                ContentId = attachment.ContentId,
            });
        }

        foreach (var (name, value) in payload.Headers)
        {
            message.Headers.Add(name, value);
        }

        return message;
    }

    private static EmailAddress Address(EmailPayloadAddress address) => new(address.Address, address.DisplayName);
}
