using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Retention.Core.Dispatch;
using Retention.Core.Messaging;

namespace Retention.Functions.Messaging;

/// <summary>
/// A scheduled nudge message is due: dispatch it, then settle the message as Core's <see cref="SettleDecision"/> says.
/// Exceptions are never caught here: an escaping exception abandons the lock and Service Bus redelivers, up to
/// the queue's max delivery count, then dead-letters.
/// </summary>
public sealed class DispatchNudgeFunction(NudgeDispatcher dispatcher, ServiceBusNudgeScheduler scheduler, ILogger<DispatchNudgeFunction> logger)
{
    // The queue the scheduler sends to (Retention:ServiceBus:QueueName), as a binding expression: one setting, no copy.
    private const string QueueSetting = "%" + ServiceBusOptions.SectionName + ":" + nameof(ServiceBusOptions.QueueName) + "%";

    [Function(nameof(DispatchNudgeFunction))]
    public async Task Run(
        [ServiceBusTrigger(QueueSetting, Connection = "ServiceBusConnection", AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken)
    {
        var decision = NudgeMessage.TryParse(message.Body.ToMemory().Span, out var nudge, out var error)
            ? SettleDecision.For(await dispatcher.DispatchAsync(nudge.EmployerId, nudge.NudgeId, cancellationToken))
            : SettleDecision.ForInvalidPayload(error);
        logger.LogInformation("Nudge message {MessageId} delivery {DeliveryCount}: {Action}", message.MessageId, message.DeliveryCount, decision.Action);

        switch (decision.Action)
        {
            case SettleAction.Complete:
                await actions.CompleteMessageAsync(message, cancellationToken);
                break;
            case SettleAction.DeadLetter:
                await actions.DeadLetterMessageAsync(message, deadLetterReason: decision.DeadLetterReason, deadLetterErrorDescription: decision.DeadLetterDescription, cancellationToken: cancellationToken);
                break;
            case SettleAction.Reschedule:
                // Schedule first, then complete: after a crash in between, this message is redelivered and its reschedule,
                // carrying the same MessageId, is dropped by duplicate detection, so the nudge is never scheduled twice.
                await scheduler.RescheduleAsync(nudge!, decision.RescheduleAt!.Value, cancellationToken);
                await actions.CompleteMessageAsync(message, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Dispatch of nudge message {message.MessageId} asked for a redelivery.");
        }
    }
}
