using Retention.Core.Journeys;
using Retention.Core.Scheduling;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>
/// Applies changes to a stored journey: schedules new nudges, cancels future ones. Each step is safe to
/// repeat, so a request that fails half-way can simply be retried.
/// </summary>
public sealed class JourneyChanges(INudgeStore nudges, INudgeScheduler scheduler)
{
    /// <summary>Stores (if new) and schedules nudges, keeping the scheduler's handle with each nudge.</summary>
    public async Task AddAndScheduleAsync(IReadOnlyList<Nudge> added, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        await nudges.AddAsync(added, cancellationToken);
        await ScheduleAsync(added, cancellationToken);
    }

    /// <summary>Schedules nudges that are already stored.</summary>
    public async Task ScheduleAsync(IReadOnlyList<Nudge> stored, CancellationToken cancellationToken)
    {
        if (stored.Count == 0)
        {
            return;
        }

        var scheduled = await scheduler.ScheduleAsync(stored, cancellationToken);
        foreach (var nudge in scheduled.Where(n => n.SchedulerHandle is not null))
        {
            // Re-read for the current version: the handle is only needed to cancel later, so losing a race here is harmless.
            var current = await nudges.GetAsync(nudge.EmployerId, nudge.Id, cancellationToken);
            if (current is { Status: NudgeStatus.Scheduled, SchedulerHandle: null })
            {
                await nudges.TryUpdateAsync(current with { SchedulerHandle = nudge.SchedulerHandle }, cancellationToken);
            }
        }
    }

    /// <summary>Cancels every still-scheduled nudge of the enrolment that matches <paramref name="which"/>; sent ones stay as they are.</summary>
    public async Task<int> CancelFutureAsync(string employerId, string enrollmentId, Func<Nudge, bool> which, CancellationToken cancellationToken)
    {
        var journey = await nudges.GetJourneyAsync(employerId, enrollmentId, cancellationToken);
        var cancelled = await CancelAsync(journey.Where(n => n.Status == NudgeStatus.Scheduled && which(n)).ToList(), cancellationToken);
        return cancelled.Count;
    }

    /// <summary>Schedules cancelled nudges again under a new plan revision (a new scheduled-message id), compare-and-set.</summary>
    public async Task ReviveAsync(IReadOnlyList<Nudge> cancelled, int planRevision, CancellationToken cancellationToken)
    {
        var revived = new List<Nudge>();
        foreach (var nudge in cancelled.Where(n => n.Status == NudgeStatus.Cancelled))
        {
            var updated = await nudges.TryUpdateAsync(
                nudge with { Status = NudgeStatus.Scheduled, PlanRevision = planRevision, Attempts = 0, NextAttemptAt = null, LastError = null, IdempotencyKey = null, SchedulerHandle = null },
                cancellationToken);
            if (updated is not null)
            {
                revived.Add(updated);
            }
        }

        await ScheduleAsync(revived, cancellationToken);
    }

    /// <summary>Cancels the given nudges (compare-and-set; a nudge that moved on meanwhile is left alone).</summary>
    public async Task<IReadOnlyList<Nudge>> CancelAsync(IReadOnlyList<Nudge> toCancel, CancellationToken cancellationToken)
    {
        var cancelled = new List<Nudge>();
        foreach (var nudge in toCancel)
        {
            var current = nudge;
            for (var attempt = 0; attempt < 3 && current is { Status: NudgeStatus.Scheduled }; attempt++)
            {
                var updated = await nudges.TryUpdateAsync(current with { Status = NudgeStatus.Cancelled }, cancellationToken);
                if (updated is not null)
                {
                    cancelled.Add(updated);
                    break;
                }

                current = await nudges.GetAsync(nudge.EmployerId, nudge.Id, cancellationToken);
            }
        }

        if (cancelled.Count > 0)
        {
            await scheduler.CancelAsync(cancelled, cancellationToken);
        }

        return cancelled;
    }
}
