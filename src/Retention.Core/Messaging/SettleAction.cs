namespace Retention.Core.Messaging;

/// <summary>What a queue trigger does with the message it was handed, once dispatch has decided.</summary>
public enum SettleAction
{
    /// <summary>Remove the message: the work is done, or there is nothing left to do.</summary>
    Complete,

    /// <summary>Move the message to the dead-letter queue with a reason: retrying can never help.</summary>
    DeadLetter,

    /// <summary>Schedule a new message (same nudge, next reschedule number) at a later time, then complete this one.</summary>
    Reschedule,

    /// <summary>Let the exception escape: the lock is abandoned and Service Bus redelivers until the max delivery count.</summary>
    Throw,
}
