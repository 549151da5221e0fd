using System.Globalization;
using Retention.Core.Journeys;

namespace Retention.Storage.Cosmos;

/// <summary>
/// One nudge, a point read by id on every dispatch; its ETag is the nudge's version. The scheduler handle
/// (a Service Bus sequence number, 64 bits) is text: Cosmos numbers are doubles and would round it.
/// </summary>
internal sealed record NudgeDocument(string Id, string EmployerId, string EnrollmentId, Nudge Nudge, string? SchedulerHandle, int? Ttl)
{
    public string Type => "nudge";

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
