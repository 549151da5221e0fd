using Azure.Messaging.ServiceBus;
using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Messaging;
using Retention.Core.Scheduling;

namespace Retention.Functions.Messaging;

/// <summary>
/// One scheduled Service Bus message per nudge (<see cref="NudgeMessage"/>; MessageId = nudge id + revision, so the
/// queue's duplicate detection drops a repeated schedule). Batches come from <see cref="ScheduleBatches"/>: one
/// <c>ScheduleMessagesAsync</c> call per fire time, within the count and size limits. The returned sequence numbers
/// become <see cref="Nudge.SchedulerHandle"/>, which is what <see cref="CancelAsync"/> needs.
/// </summary>
public sealed class ServiceBusNudgeScheduler(ServiceBusSender sender) : INudgeScheduler
{
    public async Task<IReadOnlyList<Nudge>> ScheduleAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken)
    {
        var scheduled = new List<Nudge>(nudges.Count);
        foreach (var batch in ScheduleBatches.Split(nudges))
        {
            var sequenceNumbers = await sender.ScheduleMessagesAsync(
                batch.Messages.Select(ToServiceBusMessage), batch.EnqueueAt.ToDateTimeOffset(), cancellationToken);
            scheduled.AddRange(batch.Nudges.Zip(sequenceNumbers, (nudge, sequence) => nudge with { SchedulerHandle = sequence }));
        }

        return scheduled;
    }

    public async Task CancelAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken)
    {
        var sequenceNumbers = nudges.Where(n => n.SchedulerHandle is not null).Select(n => n.SchedulerHandle!.Value).ToList();
        foreach (var chunk in sequenceNumbers.Chunk(ScheduleBatchLimits.Default.MaxMessages))
        {
            // Cancelling a message that already fired is a no-op on the service side.
            await sender.CancelScheduledMessagesAsync(chunk, cancellationToken);
        }
    }

    /// <summary>Throttle/back-off: a new scheduled message for the same nudge with the next reschedule number.</summary>
    public Task<long> RescheduleAsync(NudgeMessage current, Instant at, CancellationToken cancellationToken) =>
        sender.ScheduleMessageAsync(ToServiceBusMessage(current.Rescheduled()), at.ToDateTimeOffset(), cancellationToken);

    private static ServiceBusMessage ToServiceBusMessage(NudgeMessage message)
    {
        var serviceBusMessage = new ServiceBusMessage(BinaryData.FromBytes(message.ToUtf8Json()))
        {
            MessageId = message.MessageId,
            ContentType = NudgeMessage.ContentType,
            Subject = NudgeMessage.Subject,
        };
        foreach (var (key, value) in message.ApplicationProperties)
        {
            serviceBusMessage.ApplicationProperties[key] = value;
        }

        return serviceBusMessage;
    }
}
