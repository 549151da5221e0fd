using Retention.Core.Journeys;

namespace Retention.Storage.Sqlite;

/// <summary>A nudges row as Dapper reads and writes it (instants as unix ticks, enums as names).</summary>
internal sealed class NudgeRow
{
    /// <summary>The select list matching the properties below.</summary>
    public const string Columns =
        "employer_id AS EmployerId, id AS Id, enrollment_id AS EnrollmentId, kind AS Kind, audience AS Audience, due_at AS DueAt, " +
        "reason AS Reason, message_key AS MessageKey, follows_up AS FollowsUp, status AS Status, attempts AS Attempts, " +
        "next_attempt_at AS NextAttemptAt, sent_at AS SentAt, acted_at AS ActedAt, last_error AS LastError, status_reason AS StatusReason, idempotency_key AS IdempotencyKey, " +
        "plan_revision AS PlanRevision, scheduler_handle AS SchedulerHandle, version AS Version";

    public string EmployerId { get; set; } = "";
    public string Id { get; set; } = "";
    public string EnrollmentId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Audience { get; set; } = "";
    public long DueAt { get; set; }
    public string Reason { get; set; } = "";
    public string MessageKey { get; set; } = "";
    public string? FollowsUp { get; set; }
    public string Status { get; set; } = "";
    public long Attempts { get; set; }
    public long? NextAttemptAt { get; set; }
    public long? SentAt { get; set; }
    public long? ActedAt { get; set; }
    public string? LastError { get; set; }
    public string? StatusReason { get; set; }
    public string? IdempotencyKey { get; set; }
    public long PlanRevision { get; set; }
    public long? SchedulerHandle { get; set; }
    public long Version { get; set; }

    public static NudgeRow From(Nudge nudge) => new()
    {
        EmployerId = nudge.EmployerId,
        Id = nudge.Id,
        EnrollmentId = nudge.EnrollmentId,
        Kind = nudge.Kind,
        Audience = SqliteValues.Name(nudge.Audience),
        DueAt = SqliteValues.Ticks(nudge.DueAt),
        Reason = nudge.Reason,
        MessageKey = nudge.MessageKey,
        FollowsUp = nudge.FollowsUpNudgeId,
        Status = SqliteValues.Name(nudge.Status),
        Attempts = nudge.Attempts,
        NextAttemptAt = SqliteValues.Ticks(nudge.NextAttemptAt),
        SentAt = SqliteValues.Ticks(nudge.SentAt),
        ActedAt = SqliteValues.Ticks(nudge.ActedAt),
        LastError = nudge.LastError,
        StatusReason = nudge.StatusReason,
        IdempotencyKey = nudge.IdempotencyKey,
        PlanRevision = nudge.PlanRevision,
        SchedulerHandle = nudge.SchedulerHandle,
        Version = SqliteValues.ParseVersion(nudge.Version) ?? 0,
    };

    public Nudge ToNudge() => new()
    {
        EmployerId = EmployerId,
        Id = Id,
        EnrollmentId = EnrollmentId,
        Kind = Kind,
        Audience = SqliteValues.Parse<Audience>(Audience),
        DueAt = SqliteValues.Instant(DueAt),
        Reason = Reason,
        MessageKey = MessageKey,
        FollowsUpNudgeId = FollowsUp,
        Status = SqliteValues.Parse<NudgeStatus>(Status),
        Attempts = checked((int)Attempts),
        NextAttemptAt = SqliteValues.Instant(NextAttemptAt),
        SentAt = SqliteValues.Instant(SentAt),
        ActedAt = SqliteValues.Instant(ActedAt),
        LastError = LastError,
        StatusReason = StatusReason,
        IdempotencyKey = IdempotencyKey,
        PlanRevision = checked((int)PlanRevision),
        SchedulerHandle = SchedulerHandle,
        Version = SqliteValues.Version(Version),
    };
}
