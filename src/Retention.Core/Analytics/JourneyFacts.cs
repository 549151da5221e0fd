using NodaTime;
using Retention.Core.Events;
using Retention.Core.Journeys;

namespace Retention.Core.Analytics;

/// <summary>Reads the analytics facts off one enrolment's nudges. A follow-up (reminder, escalation) acted on counts for its original.</summary>
internal sealed class JourneyFacts
{
    private const string WelcomeLunchKind = "welcome-lunch";
    private const string CheckInKind = "check-in";
    private static readonly HashSet<string> FollowUpKinds = new(StringComparer.Ordinal) { "ildsjel-reminder", "hr-escalation" };

    private readonly IReadOnlyList<Nudge> _nudges;
    private readonly IReadOnlyList<CheckIn> _checkIns;
    private readonly Dictionary<string, Instant> _followUpActedAt = new(StringComparer.Ordinal);

    public JourneyFacts(IReadOnlyList<Nudge> nudges, IReadOnlyList<CheckIn> checkIns)
    {
        _nudges = nudges;
        _checkIns = checkIns;
        foreach (var n in nudges)
        {
            if (n.FollowsUpNudgeId is { } original && n.Status == NudgeStatus.Acted)
            {
                var at = n.ActedAt ?? n.SentAt ?? n.DueAt;
                if (!_followUpActedAt.TryGetValue(original, out var seen) || at < seen)
                {
                    _followUpActedAt[original] = at;
                }
            }
        }
    }

    public static bool ReachedRecipient(Nudge n) =>
        n.Status is NudgeStatus.Sent or NudgeStatus.Acted or NudgeStatus.Snoozed or NudgeStatus.Dismissed;

    public (WelcomeLunchState State, LocalDate? ActedOn) WelcomeLunch()
    {
        var lunches = _nudges.Where(n => n.Audience == Audience.Ildsjel && string.Equals(n.Kind, WelcomeLunchKind, StringComparison.Ordinal)).ToList();
        var acted = lunches.Select(ActedAt).Where(a => a is not null).Min();
        if (acted is { } at)
        {
            return (WelcomeLunchState.Acted, RetentionRecord.ToDay(at));
        }

        if (lunches.Any(ReachedRecipient))
        {
            return (WelcomeLunchState.NotActed, null);
        }

        return lunches.Any(n => n.Status is NudgeStatus.Scheduled or NudgeStatus.Sending)
            ? (WelcomeLunchState.NotYetDue, null)
            : (WelcomeLunchState.NotSent, null);
    }

    public IReadOnlyList<NudgeKindTally> IldsjelTallies()
    {
        var tallies = IldsjelOriginals()
            .Where(ReachedRecipient)
            .GroupBy(n => n.Kind, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NudgeKindTally(g.Key, g.Count(), g.Count(n => ActedAt(n) is not null)))
            .ToList();

        // Shared empty list for the many newcomers with none yet: the dashboard holds a record per newcomer.
        return tallies.Count == 0 ? [] : tallies;
    }

    public int IldsjelIgnoredStreak()
    {
        var streak = 0;
        foreach (var n in IldsjelOriginals().Where(ReachedRecipient).OrderByDescending(n => n.SentAt ?? n.DueAt))
        {
            // Snoozed and dismissed are answers too; only silence counts.
            if (n.Status != NudgeStatus.Sent || ActedAt(n) is not null)
            {
                break;
            }

            streak++;
        }

        return streak;
    }

    public int CheckInNudgesSent() => CheckInNudges().Count();

    /// <summary>Nudges of any audience that the dispatcher gave up on (permanent failure or retries used up).</summary>
    public int FailedNudges() => _nudges.Count(n => n.Status == NudgeStatus.Failed);

    public int CheckInNudgesAnswered()
    {
        var answered = new HashSet<string>(_checkIns.Where(c => c.NudgeId is not null).Select(c => c.NudgeId!), StringComparer.Ordinal);
        return CheckInNudges().Count(n => n.Status == NudgeStatus.Acted || answered.Contains(n.Id));
    }

    private IEnumerable<Nudge> CheckInNudges() =>
        _nudges.Where(n => n.Audience == Audience.Newcomer && string.Equals(n.Kind, CheckInKind, StringComparison.Ordinal) && ReachedRecipient(n));

    private IEnumerable<Nudge> IldsjelOriginals() =>
        _nudges.Where(n => n.Audience == Audience.Ildsjel && !FollowUpKinds.Contains(n.Kind));

    private Instant? ActedAt(Nudge n)
    {
        Instant? own = n.Status == NudgeStatus.Acted ? n.ActedAt ?? n.SentAt ?? n.DueAt : null;
        Instant? viaFollowUp = _followUpActedAt.TryGetValue(n.Id, out var f) ? f : null;
        return (own, viaFollowUp) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, var b) => b,
        };
    }
}
