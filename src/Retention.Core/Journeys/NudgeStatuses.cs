namespace Retention.Core.Journeys;

/// <summary>The named sets of <see cref="NudgeStatus"/> that rules are written in; one place for each.</summary>
public static class NudgeStatuses
{
    /// <summary>Still to go out or going out now: the statuses of which a journey holds at most one per slot.</summary>
    public static bool IsLive(NudgeStatus status) => status is NudgeStatus.Scheduled or NudgeStatus.Sending;

    /// <summary>The message went out (a recipient may act on its links).</summary>
    public static bool WentOut(NudgeStatus status) =>
        status is NudgeStatus.Sent or NudgeStatus.Acted or NudgeStatus.Snoozed or NudgeStatus.Dismissed;

    /// <summary>Will never go out: cancelled by a change, skipped at send time, or failed.</summary>
    public static bool Ended(NudgeStatus status) =>
        status is NudgeStatus.Cancelled or NudgeStatus.Skipped or NudgeStatus.Failed;
}
