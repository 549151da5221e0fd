using System.Text.Json;
using System.Text.Json.Serialization;

namespace Retention.Core.Messaging;

/// <summary>The strict JSON contract of <see cref="NudgeMessage"/>: camelCase, every property required, nothing unknown.</summary>
internal static class NudgeMessageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private static readonly HashSet<string> KnownPaths = new(StringComparer.Ordinal) { "$.employerId", "$.nudgeId", "$.planRevision", "$.reschedules" };

    /// <summary>
    /// The reason without the exception message, which echoes payload text; the JSON path only when it names one of
    /// our properties (an unknown property's name is payload text too).
    /// </summary>
    public static string Describe(JsonException exception) =>
        exception.Path is { } path && KnownPaths.Contains(path)
            ? $"invalid value at {path}."
            : "invalid JSON, a missing required property or an unknown property.";

    public static string? Validate(NudgeMessage message)
    {
        if (IdError(message.EmployerId, "employerId") is { } employerError)
        {
            return employerError;
        }

        if (IdError(message.NudgeId, "nudgeId") is { } nudgeError)
        {
            return nudgeError;
        }

        if (message.PlanRevision < 0)
        {
            return "planRevision is negative.";
        }

        return message.Reschedules < 0 ? "reschedules is negative." : null;
    }

    private static string? IdError(string? id, string name)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return name + " is missing or blank.";
        }

        if (id.Length > NudgeMessage.MaxIdLength)
        {
            return name + " is longer than " + NudgeMessage.MaxIdLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters.";
        }

        return id.Any(char.IsControl) ? name + " contains control characters." : null;
    }
}
