using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Core.Maintenance;

/// <summary>
/// Nudges that should have fired long ago but are still <see cref="NudgeStatus.Scheduled"/> or
/// <see cref="NudgeStatus.Sending"/>: their scheduled message was lost (dead-lettered after too many deliveries, or
/// never scheduled because the process died between storing and scheduling). Across all employers.
/// </summary>
public interface IStrandedNudgeQuery
{
    /// <summary>
    /// Up to <paramref name="limit"/> queued nudges whose next firing time (the retry or lease time, else the due time)
    /// is before <paramref name="firesBefore"/>, earliest first.
    /// </summary>
    Task<IReadOnlyList<Nudge>> ListStrandedAsync(Instant firesBefore, int limit, CancellationToken cancellationToken);
}
