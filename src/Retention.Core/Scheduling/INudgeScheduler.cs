using Retention.Core.Journeys;

namespace Retention.Core.Scheduling;

/// <summary>
/// Makes stored nudges fire at their due time: a SQLite due-queue polled by a background service when
/// self-hosted, one scheduled Service Bus message per nudge on Azure.
/// </summary>
public interface INudgeScheduler
{
    /// <summary>Schedules the nudges; returns them with <see cref="Nudge.SchedulerHandle"/> set where the scheduler has one.</summary>
    Task<IReadOnlyList<Nudge>> ScheduleAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken);

    /// <summary>Cancels scheduled nudges (re-plan, pause, cancel). Cancelling one that already fired is harmless.</summary>
    Task CancelAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken);
}
