namespace Retention.Core.Journeys;

/// <summary>
/// The life of a nudge: <c>Scheduled → Sending → Sent → (Acted | Snoozed | Dismissed)</c>, or
/// <c>Cancelled</c> (re-plan, pause, cancel, condition no longer holds) or <c>Failed</c> (dead-lettered).
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
}
