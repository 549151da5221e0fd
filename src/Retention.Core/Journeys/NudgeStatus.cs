namespace Retention.Core.Journeys;

/// <summary>
/// The life of a nudge: <c>Scheduled → Sending → Sent → (Acted | Snoozed | Dismissed)</c>, or
/// <c>Cancelled</c> (a change to the enrolment: re-plan, pause, cancel, unsubscribe), <c>Skipped</c> (decided at send
/// time: the recipient unsubscribed, the original was acted on, nothing true to say) or <c>Failed</c> (dead-lettered).
/// Cancelled and skipped nudges carry <see cref="Nudge.StatusReason"/>.
/// </summary>
public enum NudgeStatus
{
    Scheduled,
    Sending,
    Sent,
    Acted,
    Snoozed,
    Dismissed,
    Cancelled,
    Failed,
    Skipped,
}
