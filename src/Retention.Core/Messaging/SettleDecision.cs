using NodaTime;
using Retention.Core.Dispatch;

namespace Retention.Core.Messaging;

/// <summary>
/// The settle table of the Service Bus trigger: one <see cref="DispatchOutcome"/> in, one queue action out.
/// <list type="table">
/// <item><term>Sent, Skipped, Duplicate</term><description>Complete: done, or nothing to do.</description></item>
/// <item><term>Duplicate with a retry time</term><description>
/// Reschedule a check at <see cref="DispatchOutcome.RetryAt"/>: another dispatcher holds the nudge under a lease until
/// then (a merged sibling's message). If that dispatcher dies, nothing else would bring the nudge back before
/// housekeeping; the check sees it sent (and completes) or takes the expired lease over.
/// </description></item>
/// <item><term>NotFound, invalid payload</term><description>DeadLetter: no retry can help.</description></item>
/// <item><term>Throttled</term><description>Reschedule at <see cref="DispatchOutcome.RetryAt"/>: a 429 is not a failure and must not use up delivery attempts.</description></item>
/// <item><term>RetryLater</term><description>
/// Reschedule at <see cref="DispatchOutcome.RetryAt"/>. Throwing would abandon the message, and Service Bus
/// redelivers an abandoned message at once (it has no back-off of its own), so ten deliveries would be spent in
/// seconds and the back-off the dispatcher computed would be lost. Throw only when no retry time is known.
/// </description></item>
/// <item><term>Failed</term><description>
/// DeadLetter: the nudge is already marked failed for HR; the dead-letter queue is where operations look (and
/// alert) for nudges that could not be delivered, matching <c>NudgeStatus.Failed</c> ("dead-lettered").
/// </description></item>
/// </list>
/// </summary>
public sealed record SettleDecision(SettleAction Action, Instant? RescheduleAt = null, string? DeadLetterReason = null, string? DeadLetterDescription = null)
{
    /// <summary>Dead-letter reason: the nudge or its enrolment does not exist.</summary>
    public const string NudgeNotFoundReason = "NudgeNotFound";

    /// <summary>Dead-letter reason: the body is not a valid <see cref="NudgeMessage"/>.</summary>
    public const string InvalidPayloadReason = "InvalidPayload";

    /// <summary>Dead-letter reason: sending failed permanently (bad address, attempts exhausted).</summary>
    public const string NudgeFailedReason = "NudgeFailed";

    /// <summary>Dead-letter descriptions are cut to this length; Service Bus keeps them as message properties.</summary>
    public const int MaxDescriptionLength = 1024;

    public static SettleDecision Complete { get; } = new(SettleAction.Complete);

    public static SettleDecision Throw { get; } = new(SettleAction.Throw);

    public static SettleDecision Reschedule(Instant at) => new(SettleAction.Reschedule, RescheduleAt: at);

    public static SettleDecision DeadLetter(string reason, string? description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var text = string.IsNullOrWhiteSpace(description) ? reason : description;
        return new(SettleAction.DeadLetter, DeadLetterReason: reason, DeadLetterDescription: text.Length <= MaxDescriptionLength ? text : text[..MaxDescriptionLength]);
    }

    /// <summary>The message body could not be parsed: dead-letter it, it will never parse.</summary>
    public static SettleDecision ForInvalidPayload(string error) => DeadLetter(InvalidPayloadReason, error);

    /// <summary>The queue action for a dispatch outcome; see the table on the type.</summary>
    public static SettleDecision For(DispatchOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Result switch
        {
            DispatchResult.Sent or DispatchResult.Skipped => Complete,
            DispatchResult.Duplicate => outcome.RetryAt is { } leaseEnd ? Reschedule(leaseEnd) : Complete,
            DispatchResult.NotFound => DeadLetter(NudgeNotFoundReason, outcome.Detail ?? "The nudge or its enrolment does not exist."),
            DispatchResult.Failed => DeadLetter(NudgeFailedReason, outcome.Detail ?? "Sending failed permanently."),
            DispatchResult.Throttled or DispatchResult.RetryLater => outcome.RetryAt is { } at ? Reschedule(at) : Throw,
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Result, "Unknown dispatch result."),
        };
    }
}
