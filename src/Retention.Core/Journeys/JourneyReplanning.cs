using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Core.Journeys;

/// <summary>
/// Compares a fresh plan with the stored nudges and says what brings the journey in line with the enrolment.
/// The past stays as it is: anything no longer scheduled, anything already due, and reminders of nudges that went
/// out. The invariant it keeps: <b>at most one live nudge per slot</b> (kind, audience, reason) — a scheduled nudge
/// whose slot is held by another live or sent one is cancelled as a duplicate, so even a journey damaged by an
/// earlier race heals on its next re-plan. Nudges to an unsubscribed audience are cancelled and never added live.
/// </summary>
internal static class JourneyReplanning
{
    public static JourneyReplan Compare(
        Enrollment enrollment, IReadOnlyList<Nudge> existing, IReadOnlyList<Nudge> plan, Instant now, IReadOnlySet<Audience> unsubscribed)
    {
        var planned = new Dictionary<string, Instant>(plan.Count, StringComparer.Ordinal);
        foreach (var nudge in plan)
        {
            planned[nudge.Id] = nudge.DueAt;
        }

        var existingById = new Dictionary<string, Nudge>(existing.Count, StringComparer.Ordinal);
        foreach (var nudge in existing)
        {
            existingById[nudge.Id] = nudge;
        }

        var active = enrollment.Status == EnrollmentStatus.Active && !enrollment.Erased;
        var notActiveReason = enrollment.Erased ? "personal data erased" : NudgeStatusReasons.NotActive(enrollment.Status.ToString().ToLowerInvariant());
        var keptIds = new HashSet<string>(StringComparer.Ordinal);

        // Who holds each slot: a nudge that is sending or went out. A snoozed one hands its slot to its copy.
        var held = new Dictionary<(string, Audience, string), Nudge>();
        foreach (var nudge in existing.Where(n => n.Status != NudgeStatus.Scheduled))
        {
            keptIds.Add(nudge.Id);
            if (!NudgeStatuses.Ended(nudge.Status) && !(held.TryGetValue(nudge.Slot, out var other) && other.Status != NudgeStatus.Snoozed))
            {
                held[nudge.Slot] = nudge;
            }
        }

        var toCancel = new List<Nudge>();
        var live = new HashSet<(string, Audience, string)>();

        // The plan's own nudge first, then the earliest: which one survives a duplicate does not depend on read order.
        foreach (var nudge in existing.Where(n => n.Status == NudgeStatus.Scheduled)
                     .OrderBy(n => Unchanged(n, planned) ? 0 : 1).ThenBy(n => n.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal))
        {
            var holder = held.GetValueOrDefault(nudge.Slot);
            var wanted = active && (Unchanged(nudge, planned) || nudge.DueAt < now || FollowsUpSent(nudge, existingById) || holder is { Status: NudgeStatus.Snoozed });
            string? reason = !active ? notActiveReason
                : unsubscribed.Contains(nudge.Audience) ? NudgeStatusReasons.Unsubscribed
                : !wanted ? NudgeStatusReasons.Replanned
                : live.Contains(nudge.Slot) || holder is { Status: not NudgeStatus.Snoozed } ? NudgeStatusReasons.Duplicate
                : null;
            if (reason is null)
            {
                keptIds.Add(nudge.Id);
                live.Add(nudge.Slot);
            }
            else
            {
                toCancel.Add(nudge with { Status = NudgeStatus.Cancelled, StatusReason = reason });
            }
        }

        var toAdd = new List<Nudge>();
        var toRevive = new List<Nudge>();
        foreach (var nudge in plan)
        {
            if (live.Contains(nudge.Slot) || held.ContainsKey(nudge.Slot)
                || (nudge.FollowsUpNudgeId is { } original && !keptIds.Contains(original)))
            {
                continue;
            }

            var suppressed = unsubscribed.Contains(nudge.Audience);
            if (existingById.TryGetValue(nudge.Id, out var stored))
            {
                // Ids come from the milestone, so a nudge cancelled earlier (pause, unsubscribe, a change now undone)
                // comes back under its old id: bring it back to life rather than leave a hole in the journey.
                if (!suppressed && stored.Status == NudgeStatus.Cancelled && stored.DueAt >= now)
                {
                    toRevive.Add(stored with
                    {
                        Status = NudgeStatus.Scheduled, StatusReason = null, PlanRevision = enrollment.PlanRevision, Attempts = 0,
                        NextAttemptAt = null, LastError = null, IdempotencyKey = null, SchedulerHandle = null,
                    });
                    live.Add(nudge.Slot);
                    keptIds.Add(nudge.Id);
                }

                continue;
            }

            toAdd.Add(suppressed ? nudge with { Status = NudgeStatus.Cancelled, StatusReason = NudgeStatusReasons.Unsubscribed } : nudge);
            if (!suppressed)
            {
                live.Add(nudge.Slot);
                keptIds.Add(nudge.Id);
            }
        }

        return new JourneyReplan(toCancel, toAdd, toRevive);
    }

    private static bool Unchanged(Nudge nudge, Dictionary<string, Instant> planned) =>
        planned.TryGetValue(nudge.Id, out var dueAt) && dueAt == nudge.DueAt;

    private static bool FollowsUpSent(Nudge nudge, Dictionary<string, Nudge> existingById) =>
        nudge.FollowsUpNudgeId is { } original
        && existingById.TryGetValue(original, out var first)
        && first.Status is not (NudgeStatus.Scheduled or NudgeStatus.Cancelled);
}
