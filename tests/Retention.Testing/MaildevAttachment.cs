using System.Text.Json.Serialization;

namespace Retention.Testing;

/// <summary>An attachment in a maildev message.</summary>
public sealed record MaildevAttachment(
    [property: JsonPropertyName("contentType")] string? ContentType,
    [property: JsonPropertyName("fileName")] string? FileName,
    [property: JsonPropertyName("length")] long Length);
