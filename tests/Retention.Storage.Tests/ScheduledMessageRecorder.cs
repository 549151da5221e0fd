using System.Collections.Concurrent;
using Retention.Core.Journeys;
using Retention.Core.Scheduling;

namespace Retention.Storage.Tests;

/// <summary>
/// Stands in for the Service Bus scheduler, which cannot run here: records every nudge scheduled and hands out
/// increasing sequence numbers as the handle, as <c>ScheduleMessagesAsync</c> does.
/// </summary>
public sealed class ScheduledMessageRecorder : INudgeScheduler
{
    private long _sequence = 1000;

    public ConcurrentQueue<Nudge> Scheduled { get; } = new();

    public Task<IReadOnlyList<Nudge>> ScheduleAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken)
    {
        var scheduled = nudges.Select(n => n with { SchedulerHandle = Interlocked.Increment(ref _sequence) }).ToList();
        foreach (var nudge in scheduled)
        {
            Scheduled.Enqueue(nudge);
        }

        return Task.FromResult<IReadOnlyList<Nudge>>(scheduled);
    }

    public Task CancelAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken) => Task.CompletedTask;
}
