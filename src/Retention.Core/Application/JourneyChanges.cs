using Retention.Core.Diagnostics;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Scheduling;
using Retention.Core.Storage;
using Retention.Core.Unsubscribes;

namespace Retention.Core.Application;

/// <summary>
/// Brings a stored journey in line with its enrolment: cancels what no longer belongs, adds and schedules what is
/// new, schedules again what comes back. Safe to repeat, so a request that fails half-way is simply retried; run
/// under the enrolment's journey lease (<see cref="EnrollmentChanges"/>), so two re-plans never interleave.
/// </summary>
public sealed class JourneyChanges(INudgeStore nudges, INudgeScheduler scheduler, IJourneyPlanner planner, UnsubscribeService unsubscribes, RetentionClock clock, RetentionMetrics metrics)
{
    /// <summary>Re-plans until the journey matches the enrolment; false when dispatch kept changing it meanwhile.</summary>
    public async Task<bool> ReconcileAsync(Enrollment enrollment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        var unsubscribed = await unsubscribes.ForAsync(enrollment, cancellationToken);
        var audiences = unsubscribed.Keys.ToHashSet();
        for (var round = 0; round < CompareAndSet.Attempts; round++)
        {
            var existing = await nudges.GetJourneyAsync(enrollment.EmployerId, enrollment.Id, cancellationToken);
            var replan = planner.Replan(enrollment, existing, clock.Now, audiences);
            if (replan.IsEmpty)
            {
                if (enrollment.Status == EnrollmentStatus.Active && unsubscribed.Count > 0)
                {
                    await unsubscribes.NoteHeldAsync(unsubscribed.Values, enrollment.Id, cancellationToken);
                }

                return true;
            }

            // A nudge that moved on meanwhile (a dispatcher claimed it) means deciding again on a fresh read before
            // anything is added: the claimed one now holds its milestone.
            if ((await CancelAsync(replan.ToCancel, cancellationToken)).Count < replan.ToCancel.Count)
            {
                continue;
            }

            await AddAndScheduleAsync(replan.ToAdd, cancellationToken);
            var revived = new List<Nudge>();
            foreach (var nudge in replan.ToRevive)
            {
                if (await nudges.TryUpdateAsync(nudge, cancellationToken) is { } updated)
                {
                    revived.Add(updated);
                }
            }

            await ScheduleAsync(revived, cancellationToken);
        }

        return false;
    }

    /// <summary>Stores (if new) and schedules nudges, keeping the scheduler's handle with each; cancelled ones are only stored.</summary>
    public async Task AddAndScheduleAsync(IReadOnlyList<Nudge> added, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        await nudges.AddAsync(added, cancellationToken);
        await ScheduleAsync(added, cancellationToken);
    }

    /// <summary>
    /// Schedules the nudges among <paramref name="stored"/> that are scheduled. Every path that puts a nudge on the
    /// schedule (an enrolment's first plan, a re-plan's additions and revivals, a snooze) comes here, so it counts them.
    /// </summary>
    public async Task ScheduleAsync(IReadOnlyList<Nudge> stored, CancellationToken cancellationToken)
    {
        var due = stored.Where(n => n.Status == NudgeStatus.Scheduled).ToList();
        if (due.Count == 0)
        {
            return;
        }

        foreach (var nudge in due)
        {
            metrics.Planned(nudge);
        }

        var scheduled = await scheduler.ScheduleAsync(due, cancellationToken);
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

    /// <summary>
    /// Writes the given cancellations (status and reason set), each a compare-and-set on the version read: a nudge
    /// that moved on meanwhile is left alone and not in the result. Their scheduled messages are cancelled too.
    /// </summary>
    public async Task<IReadOnlyList<Nudge>> CancelAsync(IReadOnlyList<Nudge> toCancel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toCancel);
        var cancelled = new List<Nudge>();
        foreach (var nudge in toCancel)
        {
            if (await nudges.TryUpdateAsync(nudge, cancellationToken) is { } updated)
            {
                cancelled.Add(updated);
            }
        }

        if (cancelled.Count > 0)
        {
            await scheduler.CancelAsync(cancelled, cancellationToken);
        }

        return cancelled;
    }
}
