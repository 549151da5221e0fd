using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Retention.Server.Tests.EndToEnd;

/// <summary>The journey as the API shows it (<c>GET .../enrollments/{id}/journey</c>), read the way a client would.</summary>
internal sealed record JourneyNudge(
    string Id, string Kind, string Audience, DateTimeOffset DueAt, string Status, string? FollowsUpNudgeId, string Reason = "", DateTimeOffset? NextAttemptAt = null)
{
    public static async Task<IReadOnlyList<JourneyNudge>> GetAsync(HttpClient client, string employer, string enrollmentId, CancellationToken cancellationToken = default)
    {
        var body = await client.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/employers/{employer}/enrollments/{enrollmentId}/journey", UriKind.Relative), cancellationToken);
        return body!["nudges"]!.AsArray().Select(n => new JourneyNudge(
            n!["id"]!.GetValue<string>(),
            n["kind"]!.GetValue<string>(),
            n["audience"]!.GetValue<string>(),
            DateTimeOffset.Parse(n["dueAt"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            n["status"]!.GetValue<string>(),
            n["followsUpNudgeId"]?.GetValue<string>(),
            n["reason"]!.GetValue<string>(),
            n["nextAttemptAt"] is { } next ? DateTimeOffset.Parse(next.GetValue<string>(), CultureInfo.InvariantCulture) : null)).ToList();
    }

    /// <summary>When the dispatcher sends it: its due time, or later when it waits for a retry or its recipient's window.</summary>
    public DateTimeOffset EffectiveDueAt => NextAttemptAt is { } next && next > DueAt ? next : DueAt;

    /// <summary>Still waiting for the dispatcher: due by <paramref name="now"/> and not yet settled.</summary>
    public bool IsPendingAt(DateTimeOffset now) => Status is "sending" || (Status is "scheduled" && EffectiveDueAt <= now);
}
