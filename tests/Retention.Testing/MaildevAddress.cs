using System.Text.Json.Serialization;

namespace Retention.Testing;

/// <summary>A mailbox in a maildev message.</summary>
public sealed record MaildevAddress(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("name")] string? Name);
