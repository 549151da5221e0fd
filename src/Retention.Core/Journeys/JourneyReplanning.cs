using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Core.Journeys;

/// <summary>
/// Compares a fresh plan with the stored nudges. The past stays as it is: anything no longer scheduled, anything
/// already due, and reminders of nudges that went out. Scheduled future nudges the new plan does not hold with the
/// same id and due time are cancelled; new nudges are added unless their milestone already went out.
/// </summary>
internal static class JourneyReplanning
{
    public static JourneyReplan Compare(Enrollment enrollment, IReadOnlyList<Nudge> existing, IReadOnlyList<Nudge> plan, Instant now)
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
        var keptIds = new HashSet<string>(StringComparer.Ordinal);
        var taken = new HashSet<(string Kind, Audience Audience, string Reason)>();
        var toCancel = new List<Nudge>();
        foreach (var nudge in existing)
        {
            if (nudge.Status != NudgeStatus.Scheduled)
            {
                keptIds.Add(nudge.Id);
                if (nudge.Status is not (NudgeStatus.Cancelled or NudgeStatus.Failed))
                {
                    taken.Add((nudge.Kind, nudge.Audience, nudge.Reason));
                }
            }
            else if (active && (Unchanged(nudge, planned) || nudge.DueAt < now || FollowsUpSent(nudge, existingById)))
            {
                keptIds.Add(nudge.Id);
                taken.Add((nudge.Kind, nudge.Audience, nudge.Reason));
            }
            else
            {
                toCancel.Add(nudge with { Status = NudgeStatus.Cancelled });
            }
        }

        var toAdd = new List<Nudge>();
        foreach (var nudge in plan)
        {
            if (existingById.ContainsKey(nudge.Id) || taken.Contains((nudge.Kind, nudge.Audience, nudge.Reason))
                || (nudge.FollowsUpNudgeId is { } original && !keptIds.Contains(original)))
            {
                continue;
            }

            toAdd.Add(nudge);
            keptIds.Add(nudge.Id);
        }

        return new JourneyReplan(toCancel, toAdd);
    }

    private static bool Unchanged(Nudge nudge, Dictionary<string, Instant> planned) =>
        planned.TryGetValue(nudge.Id, out var dueAt) && dueAt == nudge.DueAt;

    private static bool FollowsUpSent(Nudge nudge, Dictionary<string, Nudge> existingById) =>
        nudge.FollowsUpNudgeId is { } original
        && existingById.TryGetValue(original, out var first)
        && first.Status is not (NudgeStatus.Scheduled or NudgeStatus.Cancelled);
}
