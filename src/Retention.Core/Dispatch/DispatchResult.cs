namespace Retention.Core.Dispatch;

/// <summary>How one dispatch of one nudge ended; the hosts map it to their queue actions (complete, dead-letter, reschedule, throw).</summary>
public enum DispatchResult
{
    /// <summary>The message went out and the nudge (and its merged siblings) are marked sent.</summary>
    Sent,

    /// <summary>Already sent, or being sent by someone else under a live lease: nothing to do.</summary>
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
