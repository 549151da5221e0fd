using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Retention.Core.Journeys;

namespace Retention.Core.Messaging;

/// <summary>
/// The body of the Service Bus message that makes one nudge fire: ids only, never personal data.
/// <see cref="Reschedules"/> counts throttle reschedules, so that a rescheduled message gets its own
/// <see cref="MessageId"/> and is not swallowed by the queue's duplicate detection.
/// </summary>
public sealed record NudgeMessage(string EmployerId, string NudgeId, int PlanRevision, int Reschedules = 0)
{
    /// <summary>The content type set on the Service Bus message.</summary>
    public const string ContentType = "application/json";

    /// <summary>The Service Bus <c>Subject</c> (label) of a nudge message.</summary>
    public const string Subject = "nudge-due";

    /// <summary>Service Bus rejects a <c>MessageId</c> longer than this.</summary>
    public const int MaxMessageIdLength = 128;

    /// <summary>Longest employer or nudge id accepted in a payload; ids are generated, so anything longer is not ours.</summary>
    public const int MaxIdLength = 200;

    /// <summary>The message for a stored nudge at its plan revision.</summary>
    public static NudgeMessage For(Nudge nudge)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        return new NudgeMessage(nudge.EmployerId, nudge.Id, nudge.PlanRevision);
    }

    /// <summary>
    /// Nudge id + plan revision (+ reschedule count), so duplicate detection drops a repeated schedule of the
    /// same plan while a re-plan or a throttle reschedule gets a new id. Hashed when it would exceed 128 characters.
    /// </summary>
    [JsonIgnore]
    public string MessageId
    {
        get
        {
            var plain = Reschedules == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{NudgeId}@{PlanRevision}")
                : string.Create(CultureInfo.InvariantCulture, $"{NudgeId}@{PlanRevision}~{Reschedules}");
            if (plain.Length <= MaxMessageIdLength)
            {
                return plain;
            }

            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(plain));
            return "sha256-" + Convert.ToHexStringLower(hash);
        }
    }

    /// <summary>The ids as Service Bus application properties (strings and ints only, so AMQP carries them as they are).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, object> ApplicationProperties => new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["employerId"] = EmployerId,
        ["nudgeId"] = NudgeId,
        ["planRevision"] = PlanRevision,
        ["reschedules"] = Reschedules,
    };

    /// <summary>The same nudge, one throttle reschedule later.</summary>
    public NudgeMessage Rescheduled() => this with { Reschedules = Reschedules + 1 };

    /// <summary>The UTF-8 JSON body: <c>{"employerId":…,"nudgeId":…,"planRevision":…,"reschedules":…}</c>.</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, NudgeMessageJson.Options);

    /// <summary>
    /// Parses a message body. Fails (with a reason that quotes no payload text) on malformed JSON, unknown or
    /// missing properties, blank or over-long ids, control characters, or a negative revision.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out NudgeMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        NudgeMessage? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<NudgeMessage>(utf8Json, NudgeMessageJson.Options);
        }
        catch (JsonException exception)
        {
            error = "Body is not a nudge message: " + NudgeMessageJson.Describe(exception);
            return false;
        }

        error = parsed is null ? "Body is JSON null." : NudgeMessageJson.Validate(parsed);
        if (error is not null)
        {
            return false;
        }

        message = parsed!;
        return true;
    }
}
