namespace Retention.Core.Dispatch;

/// <summary>How one dispatch of one nudge ended; the hosts map it to their queue actions (complete, dead-letter, reschedule, throw).</summary>
public enum DispatchResult
{
    /// <summary>The message went out and the nudge (and its merged siblings) are marked sent.</summary>
    Sent,

    /// <summary>
    /// Already sent (or failed), or being sent by someone else under a live lease: nothing to do now. When
    /// <see cref="DispatchOutcome.RetryAt"/> is set (a live lease elsewhere, or a retry time not reached yet), a
    /// host without its own redelivery (a Service Bus message it completes) should look again at that time, so
    /// that a claim whose holder died is still taken over.
    /// </summary>
    Duplicate,

    /// <summary>No longer wanted (cancelled, enrolment not active, followed-up nudge already acted on): marked cancelled.</summary>
    Skipped,

    /// <summary>The nudge or its enrolment does not exist, or the message was invalid: never retry.</summary>
    NotFound,

    /// <summary>The provider throttled; the nudge is back to scheduled with a later attempt time.</summary>
    Throttled,

    /// <summary>A transient failure; the nudge is back to scheduled with a back-off.</summary>
    RetryLater,

    /// <summary>Permanently failed (bad address, or attempts exhausted): marked failed, visible to HR.</summary>
    Failed,
}
