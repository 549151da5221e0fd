using Retention.Core.Journeys;
using Retention.Core.Scheduling;

namespace Retention.Server.Cosmos;

/// <summary>
/// The scheduler of a server whose storage is Cosmos DB: it has no due-queue, so planning only stores the nudges.
/// The Functions app on the same account sends them: its housekeeping finds each stored nudge that falls due with no
/// message (<see cref="Core.Maintenance.StrandedNudgeRepair"/>) and schedules it, so a nudge planned here goes out
/// up to the repair's grace plus one timer period after its due time. Without the Functions app nothing is sent.
/// </summary>
public sealed class StoreOnlyNudgeScheduler : INudgeScheduler
{
    public Task<IReadOnlyList<Nudge>> ScheduleAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken) =>
        Task.FromResult(nudges);

    // Nothing was scheduled, so nothing is to cancel: the stored status is what the repair and the dispatcher read.
    public Task CancelAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken) => Task.CompletedTask;
}
