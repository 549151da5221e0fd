namespace Retention.Core.Analytics;

/// <summary>
/// Who is at risk, among newcomers still employed: the latest check-in is low (≤ <see cref="DashboardQuery.LowScore"/>)
/// or dropped by ≥ <see cref="DashboardQuery.FallingBy"/> since the previous one, or the ildsjel left the last
/// <see cref="DashboardQuery.IgnoredNudgesForAtRisk"/> nudges without any response.
/// </summary>
internal static class AtRiskRule
{
    public static IReadOnlyList<AtRiskNewcomer> Find(IEnumerable<RetentionRecord> population, DashboardQuery query)
    {
        var found = new List<AtRiskNewcomer>();
        foreach (var r in population)
        {
            if ((r.DepartureDate is { } d && d <= query.To) || (r.CancellationDate is { } c && c <= query.To))
            {
                continue;
            }

            var reasons = Reasons(r, query);
            if (reasons.Count > 0)
            {
                found.Add(new AtRiskNewcomer(r.EnrollmentId, reasons, LastTwo(r, query).Latest?.Date, r.IldsjelIgnoredStreak));
            }
        }

        return found.OrderBy(a => a.EnrollmentId, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<string> Reasons(RetentionRecord r, DashboardQuery query)
    {
        var (latest, previous) = LastTwo(r, query);
        if (latest is null && r.IldsjelIgnoredStreak < query.IgnoredNudgesForAtRisk)
        {
            return [];
        }

        var reasons = new List<string>(2);
        if (latest is { } now)
        {
            if (now.Belonging <= query.LowScore)
            {
                reasons.Add(AtRiskReasons.LowBelonging);
            }

            if (now.IntentToStay <= query.LowScore)
            {
                reasons.Add(AtRiskReasons.LowIntentToStay);
            }

            if (previous is { } before && before.Belonging - now.Belonging >= query.FallingBy)
            {
                reasons.Add(AtRiskReasons.FallingBelonging);
            }

            if (previous is { } earlier && earlier.IntentToStay - now.IntentToStay >= query.FallingBy)
            {
                reasons.Add(AtRiskReasons.FallingIntentToStay);
            }
        }

        if (r.IldsjelIgnoredStreak >= query.IgnoredNudgesForAtRisk)
        {
            reasons.Add(AtRiskReasons.IldsjelSilent);
        }

        return reasons;
    }

    private static (CheckInAnswer? Latest, CheckInAnswer? Previous) LastTwo(RetentionRecord r, DashboardQuery query)
    {
        CheckInAnswer? latest = null, previous = null;
        foreach (var answer in r.CheckIns)
        {
            if (answer.Date <= query.To)
            {
                previous = latest;
                latest = answer;
            }
        }

        return (latest, previous);
    }
}
