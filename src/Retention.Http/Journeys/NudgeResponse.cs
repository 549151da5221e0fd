using NodaTime;
using Retention.Core.Application;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Http.Journeys;

/// <summary>
/// A nudge as the journey endpoint shows it: <c>localDueAt</c> is the due time in the recipient's zone; <c>reason</c>
/// is the milestone, <c>statusReason</c> why a nudge is cancelled or skipped; <c>nextAttemptAt</c>, on a scheduled
/// nudge, when the dispatcher looks at it again (after a transient failure, or when a late one waits for its
/// recipient's sending window).
/// </summary>
public sealed record NudgeResponse(
    string Id,
    string Kind,
    Audience Audience,
    Instant DueAt,
    OffsetDateTime LocalDueAt,
    NudgeStatus Status,
    string Reason,
    int Attempts,
    Instant? SentAt,
    Instant? ActedAt,
    string? FollowsUpNudgeId,
    string? LastError,
    string? StatusReason,
    Instant? NextAttemptAt)
{
    public static NudgeResponse From(Enrollment enrollment, Nudge n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var zone = RecipientZone.For(enrollment, n.Audience, n.DueAt);
        return new(n.Id, n.Kind, n.Audience, n.DueAt, n.DueAt.InZone(zone).ToOffsetDateTime(), n.Status, n.Reason,
            n.Attempts, n.SentAt, n.ActedAt, n.FollowsUpNudgeId, n.LastError, n.StatusReason,
            n.Status == NudgeStatus.Scheduled ? n.NextAttemptAt : null);
    }
}
