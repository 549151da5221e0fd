using System.Globalization;
using System.Text.Json.Serialization;
using Retention.Core.Journeys;

namespace Retention.Storage.Cosmos;

/// <summary>
/// One nudge, a point read by id on every dispatch; its ETag is the nudge's version. The scheduler handle
/// (a Service Bus sequence number, 64 bits) is text: Cosmos numbers are doubles and would round it.
/// </summary>
internal sealed record NudgeDocument(string Id, string EmployerId, string EnrollmentId, Nudge Nudge, string? SchedulerHandle, int? Ttl)
{
    public string Type => "nudge";

    /// <summary>Read only: the version of a document that came from a query (point reads take it from the response header).</summary>
    [JsonPropertyName("_etag")]
    public string? ETag { get; init; }

    /// <summary>
    /// When a queued nudge should fire next (Unix ms), indexed for the stranded-nudge query; absent once the nudge
    /// has left the queue, so that query only ever sees queued nudges.
    /// </summary>
    public long? FiresAtMs => Nudge.Status is NudgeStatus.Scheduled or NudgeStatus.Sending
        ? (Nudge.NextAttemptAt ?? Nudge.DueAt).ToUnixTimeMilliseconds()
        : null;

    public static NudgeDocument From(Nudge nudge, int? ttl) => new(
        CosmosIds.Nudge(nudge.Id),
        nudge.EmployerId,
        nudge.EnrollmentId,
        nudge with { Version = "", SchedulerHandle = null },
        nudge.SchedulerHandle?.ToString(CultureInfo.InvariantCulture),
        ttl);

    public Nudge ToNudge(string version) => Nudge with
    {
        SchedulerHandle = SchedulerHandle is null ? null : long.Parse(SchedulerHandle, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        Version = version,
    };
}
