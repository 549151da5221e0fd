using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Core.Dispatch;

/// <summary>
/// The nudges that go out in one message with the one being dispatched (same enrolment, message key and audience)
/// and the idempotency key of that message. A group another dispatcher is sending under a live lease is
/// <see cref="InFlightUntil"/>. A group left behind by a crashed dispatcher is recognised by the key pinned on its
/// members at the claim: replayed exactly as it was claimed, or, when a member shows the message went out
/// (<see cref="DeliveredAt"/>), only recorded as sent.
/// </summary>
internal sealed record DispatchGroup(IReadOnlyList<Nudge> Members, string? Key, Instant? InFlightUntil = null, Instant? DeliveredAt = null)
{
    public static DispatchGroup Collect(string employerId, Nudge nudge, IReadOnlyList<Nudge> journey, Instant now, int maxAttempts)
    {
        var siblings = journey
            .Where(n => n.Id != nudge.Id && n.MessageKey == nudge.MessageKey && n.Audience == nudge.Audience)
            .ToList();

        var live = siblings.Where(n => IsLiveSending(n, now)).Select(n => n.NextAttemptAt!.Value).ToList();
        if (live.Count > 0)
        {
            return new DispatchGroup([], null, InFlightUntil: live.Max());
        }

        var all = siblings.Append(nudge).ToList();
        var unfinished = new HashSet<string>(StringComparer.Ordinal);
        var crashedClaims = all
            .Where(n => n.Status == NudgeStatus.Sending)
            .GroupBy(n => n.IdempotencyKey, StringComparer.Ordinal)
            .Select(Ordered)
            .OrderBy(claim => claim[0].DueAt)
            .ThenBy(claim => claim[0].Id, StringComparer.Ordinal);
        foreach (var claim in crashedClaims)
        {
            if (TakeOver(employerId, claim, journey) is { } takeover)
            {
                return takeover;
            }

            unfinished.UnionWith(claim.Select(n => n.Id));
        }

        // A fresh claim: every scheduled sibling joins, and so do the nudges of a crashed claim that never finished
        // claiming (nothing was sent for it: the send comes only after the whole group is claimed).
        var members = Ordered(all.Where(n =>
            n.Id == nudge.Id
            || unfinished.Contains(n.Id)
            || (n.Status == NudgeStatus.Scheduled && n.Attempts < maxAttempts && !IsSettledFollowUp(n, journey))));
        return new DispatchGroup(members, MessageIdempotencyKey.For(employerId, members));
    }

    public static bool IsLiveSending(Nudge nudge, Instant now) =>
        nudge.Status == NudgeStatus.Sending && nudge.NextAttemptAt is { } until && until > now;

    /// <summary>
    /// What to do with the nudges a crashed dispatcher claimed under one key: replay that message as it was, or only
    /// record it as sent; null when that claim never finished (claim afresh). The key pinned at the claim names
    /// every nudge the message was made of, whatever happened to them since.
    /// </summary>
    private static DispatchGroup? TakeOver(string employerId, List<Nudge> claimed, IReadOnlyList<Nudge> journey)
    {
        if (claimed[0].IdempotencyKey is not { } key)
        {
            // Claimed before keys were pinned: replay the sending nudges together, as such claims always were.
            return new DispatchGroup(claimed, MessageIdempotencyKey.For(employerId, claimed));
        }

        var carried = journey.Where(n => n.IdempotencyKey == key).ToList();

        // "Sent" is written only after the provider accepted the message: one member with it means all of it went out.
        if (carried.Where(n => n.SentAt is not null).Select(n => n.SentAt).Max() is { } sentAt)
        {
            return new DispatchGroup(claimed, key, DeliveredAt: sentAt);
        }

        return MessageIdempotencyKey.For(employerId, carried) == key ? new DispatchGroup(claimed, key) : null;
    }

    /// <summary>A follow-up whose original is in the journey and no longer wants a reminder; its own dispatch cancels it.</summary>
    private static bool IsSettledFollowUp(Nudge nudge, IReadOnlyList<Nudge> journey) =>
        nudge.FollowsUpNudgeId is { } originalId
        && journey.FirstOrDefault(n => n.Id == originalId) is { } original
        && DispatchEligibility.EndsFollowUps(original.Status);

    private static List<Nudge> Ordered(IEnumerable<Nudge> nudges) =>
        nudges.OrderBy(n => n.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
}
