using System.Text.Json.Serialization;

namespace Retention.Testing;

/// <summary>The SMTP envelope maildev saw.</summary>
public sealed record MaildevEnvelope(
    [property: JsonPropertyName("to")] IReadOnlyList<MaildevAddress>? To);
