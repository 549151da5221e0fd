using MimeKit;

namespace Retention.Core.Messaging;

/// <summary>One attachment of an <see cref="EmailPayload"/>, decoded (e.g. the .ics invitation of a welcome lunch).</summary>
public sealed record EmailPayloadAttachment(string Name, string ContentType, ReadOnlyMemory<byte> Content, string? ContentId)
{
    public static EmailPayloadAttachment From(MimePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        using var stream = new MemoryStream();
        part.Content?.DecodeTo(stream);
        var name = part.FileName ?? part.ContentType.Name ?? "attachment";
        return new EmailPayloadAttachment(name, part.ContentType.MimeType, stream.ToArray(), part.ContentId);
    }
}
