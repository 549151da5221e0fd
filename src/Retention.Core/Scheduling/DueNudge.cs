using NodaTime;

namespace Retention.Core.Scheduling;

/// <summary>A nudge claimed from the self-hosted due-queue, leased to one dispatcher until <see cref="LeaseUntil"/>.</summary>
public sealed record DueNudge(string EmployerId, string NudgeId, Instant DueAt, string LeaseId, Instant LeaseUntil);
