using Azure.Messaging.ServiceBus;

namespace Retention.Functions.Tests;

/// <summary>
/// A <see cref="ServiceBusSender"/> without a namespace (the SDK's protected constructor and virtual members are there
/// for this): records each schedule call with the enqueue time it was given and hands out increasing sequence
/// numbers, as the service does; records each cancel call's sequence numbers.
/// </summary>
public sealed class RecordingServiceBusSender : ServiceBusSender
{
    private long nextSequenceNumber = 1000;

    public List<(DateTimeOffset EnqueueAt, IReadOnlyList<ServiceBusMessage> Messages, IReadOnlyList<long> SequenceNumbers)> Scheduled { get; } = [];

    public List<IReadOnlyList<long>> Cancelled { get; } = [];

    public override Task<IReadOnlyList<long>> ScheduleMessagesAsync(IEnumerable<ServiceBusMessage> messages, DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default)
    {
        var batch = messages.ToList();
        IReadOnlyList<long> sequenceNumbers = batch.Select(_ => nextSequenceNumber++).ToList();
        Scheduled.Add((scheduledEnqueueTime, batch, sequenceNumbers));
        return Task.FromResult(sequenceNumbers);
    }

    public override async Task<long> ScheduleMessageAsync(ServiceBusMessage message, DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default) =>
        (await ScheduleMessagesAsync([message], scheduledEnqueueTime, cancellationToken))[0];

    public override Task CancelScheduledMessagesAsync(IEnumerable<long> sequenceNumbers, CancellationToken cancellationToken = default)
    {
        Cancelled.Add(sequenceNumbers.ToList());
        return Task.CompletedTask;
    }
}
