using System.Text.Json;
using System.Text.Json.Serialization;

namespace Retention.Testing;

/// <summary>One message as maildev's REST API (<c>GET /email</c>) reports it.</summary>
public sealed record MaildevEmail
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>The <c>Message-Id</c> without angle brackets.</summary>
    [JsonPropertyName("messageId")]
    public string? MessageId { get; init; }

    [JsonPropertyName("from")]
    public IReadOnlyList<MaildevAddress>? From { get; init; }

    [JsonPropertyName("to")]
    public IReadOnlyList<MaildevAddress>? To { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>The HTML part; maildev leaves it out when the message has none.</summary>
    [JsonPropertyName("html")]
    public string? Html { get; init; }

    /// <summary>Headers by lower-case name; a value is a string, or an array for repeated headers.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, JsonElement>? Headers { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<MaildevAttachment>? Attachments { get; init; }

    [JsonPropertyName("envelope")]
    public MaildevEnvelope? Envelope { get; init; }

    /// <summary>The addresses the SMTP envelope delivered to (RCPT TO), which is who really received it.</summary>
    public IReadOnlyList<string> Recipients => Envelope?.To?.Select(a => a.Address).ToList() ?? [];

    /// <summary>A header's value (the first, when repeated), or null. <paramref name="name"/> is case-insensitive.</summary>
    public string? Header(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Headers is null || !Headers.TryGetValue(name.ToLowerInvariant(), out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 => value[0].ToString(),
            _ => value.ToString(),
        };
    }
}
