using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Core.Dispatch;

/// <summary>
/// The nudges that go out in one message with the one being dispatched: same enrolment, message key and
/// audience. A group that another dispatcher is sending under a live lease is <see cref="InFlightUntil"/>;
/// a group left half-done by a crashed dispatcher is taken over exactly as it was claimed.
/// </summary>
internal sealed record DispatchGroup(IReadOnlyList<Nudge> Members, Instant? InFlightUntil)
{
    public static DispatchGroup Collect(Nudge nudge, IReadOnlyList<Nudge> journey, Instant now, int maxAttempts)
    {
        var siblings = journey
            .Where(n => n.Id != nudge.Id && n.MessageKey == nudge.MessageKey && n.Audience == nudge.Audience)
            .ToList();

        var live = siblings.Where(n => IsLiveSending(n, now)).Select(n => n.NextAttemptAt!.Value).ToList();
        if (live.Count > 0)
        {
            return new DispatchGroup([], live.Max());
        }

        // A crashed dispatcher's claim is replayed as it was (same nudges → same idempotency key), so a
        // message it may already have delivered is recognised by the sender; new siblings go out after it.
        var all = siblings.Append(nudge).ToList();
        var takeover = all.Where(n => n.Status == NudgeStatus.Sending).ToList();
        if (takeover.Count > 0)
        {
            return new DispatchGroup(Ordered(takeover), null);
        }

        var scheduled = siblings
            .Where(n => n.Status == NudgeStatus.Scheduled && n.Attempts < maxAttempts && !IsSettledFollowUp(n, journey))
            .Append(nudge);
        return new DispatchGroup(Ordered(scheduled), null);
    }

    public static bool IsLiveSending(Nudge nudge, Instant now) =>
        nudge.Status == NudgeStatus.Sending && nudge.NextAttemptAt is { } until && until > now;

    /// <summary>A follow-up whose original is in the journey and no longer wants a reminder; its own dispatch cancels it.</summary>
    private static bool IsSettledFollowUp(Nudge nudge, IReadOnlyList<Nudge> journey) =>
        nudge.FollowsUpNudgeId is { } originalId
        && journey.FirstOrDefault(n => n.Id == originalId) is { } original
        && DispatchEligibility.EndsFollowUps(original.Status);

    private static List<Nudge> Ordered(IEnumerable<Nudge> nudges) =>
        nudges.OrderBy(n => n.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
}
