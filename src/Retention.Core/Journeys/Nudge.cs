using NodaTime;

namespace Retention.Core.Journeys;

/// <summary>
/// One planned message to one person at one moment. A nudge is data first: planning writes it, the
/// scheduler makes it fire at <see cref="DueAt"/>, dispatch moves it through <see cref="NudgeStatus"/>
/// with a compare-and-set on <see cref="Version"/>.
/// </summary>
public sealed record Nudge
{
    /// <summary>Deterministic: the same enrolment, plan input and milestone give the same id.</summary>
    public required string Id { get; init; }
    public required string EmployerId { get; init; }
    public required string EnrollmentId { get; init; }

    /// <summary>The nudge kind from the journey definition, e.g. <c>welcome-lunch</c>.</summary>
    public required string Kind { get; init; }
    public required Audience Audience { get; init; }
    public required Instant DueAt { get; init; }

    /// <summary>The milestone that caused it, e.g. <c>week-1</c>, <c>month-3</c>, <c>17-may</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>Nudges for one person on one day share a key and go out as one message.</summary>
    public required string MessageKey { get; init; }

    /// <summary>For reminders and escalations: the nudge whose lack of action this follows up. Cancelled if that one was acted on.</summary>
    public string? FollowsUpNudgeId { get; init; }

    public NudgeStatus Status { get; init; } = NudgeStatus.Scheduled;
    public int Attempts { get; init; }
    public Instant? NextAttemptAt { get; init; }
    public Instant? SentAt { get; init; }
    public Instant? ActedAt { get; init; }
    public string? LastError { get; init; }

    /// <summary>Why a nudge is <see cref="NudgeStatus.Cancelled"/> or <see cref="NudgeStatus.Skipped"/>, in words without personal data (<see cref="NudgeStatusReasons"/>).</summary>
    public string? StatusReason { get; init; }

    /// <summary>
    /// The idempotency key of the message that carries it, written on every member of the group when the group is
    /// claimed for sending. It pins the group: a takeover after a crash replays exactly that message, or records it
    /// as sent when another member shows it went out. Cleared when the nudge goes back to <see cref="NudgeStatus.Scheduled"/>.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The plan revision of the enrolment that created this nudge.</summary>
    public int PlanRevision { get; init; }

    /// <summary>Scheduler handle (the Service Bus sequence number) so a re-plan can cancel the scheduled message.</summary>
    public long? SchedulerHandle { get; init; }

    /// <summary>Row version / ETag, owned by the store. Empty for a record not yet stored.</summary>
    public string Version { get; init; } = "";

    public bool IsFuture => Status == NudgeStatus.Scheduled;

    /// <summary>The milestone this nudge is for; at most one nudge of a journey is live (<see cref="NudgeStatuses.IsLive"/>) per slot.</summary>
    public (string Kind, Audience Audience, string Reason) Slot => (Kind, Audience, Reason);
}
