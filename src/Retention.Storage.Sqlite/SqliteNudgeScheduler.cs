using Retention.Core.Journeys;
using Retention.Core.Scheduling;

namespace Retention.Storage.Sqlite;

/// <summary>
/// The self-hosted scheduler has nothing to do: the due-queue is the nudges table, so storing a
/// <c>Scheduled</c> nudge queues it and any status change (cancelled, sent, …) takes it out.
/// <see cref="SqliteDueNudgeQueue"/> hands due nudges to the dispatcher.
/// </summary>
public sealed class SqliteNudgeScheduler : INudgeScheduler
{
    /// <summary>Returns the nudges unchanged (no scheduler handle: nothing outside the table to cancel later).</summary>
    public Task<IReadOnlyList<Nudge>> ScheduleAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken) =>
        Task.FromResult(nudges);

    /// <summary>Does nothing: storing the nudge as <c>Cancelled</c> is what removes it from the queue.</summary>
    public Task CancelAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken) => Task.CompletedTask;
}
