using Retention.Core.Journeys;
using Retention.Core.Scheduling;

namespace Retention.Testing.Fakes;

/// <summary>
/// An <see cref="INudgeScheduler"/> that records what was scheduled and cancelled and hands out increasing
/// handles, like the Service Bus scheduler's sequence numbers.
/// </summary>
public sealed class RecordingNudgeScheduler : INudgeScheduler
{
    private readonly Lock gate = new();
    private readonly List<Nudge> scheduled = [];
    private readonly List<Nudge> cancelled = [];
    private long nextHandle;

    public IReadOnlyList<Nudge> Scheduled
    {
        get
        {
            lock (gate)
            {
                return scheduled.ToList();
            }
        }
    }

    public IReadOnlyList<Nudge> Cancelled
    {
        get
        {
            lock (gate)
            {
                return cancelled.ToList();
            }
        }
    }

    public Task<IReadOnlyList<Nudge>> ScheduleAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudges);
        lock (gate)
        {
            var handled = nudges.Select(n => n with { SchedulerHandle = ++nextHandle }).ToList();
            scheduled.AddRange(handled);
            return Task.FromResult<IReadOnlyList<Nudge>>(handled);
        }
    }

    public Task CancelAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudges);
        lock (gate)
        {
            cancelled.AddRange(nudges);
        }

        return Task.CompletedTask;
    }
}
