using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>
/// Computes a <see cref="RegionalDashboardReport"/> from the sharing employers' aggregates: each municipality's
/// tallies are summed over employers (which gives exactly the Kaplan–Meier of the pooled records), distinct
/// employers are counted per cell, and from there on only the counts are kept.
/// </summary>
public static class RegionalDashboardComputation
{
    public const int DefaultMinimumEmployers = 3;

    public static RegionalDashboardReport Compute(
        IReadOnlyCollection<string> regionMunicipalities,
        IEnumerable<EmployerAggregate> sharing,
        string regionName,
        LocalDate asOf,
        int minimumNewcomers = DashboardQuery.DefaultThreshold,
        int minimumEmployers = DefaultMinimumEmployers)
    {
        ArgumentNullException.ThrowIfNull(regionMunicipalities);
        ArgumentNullException.ThrowIfNull(sharing);
        ArgumentException.ThrowIfNullOrWhiteSpace(regionName);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumEmployers, 2);
        var disclosure = new DisclosureControl(minimumNewcomers);

        var names = regionMunicipalities.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var index = names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.OrdinalIgnoreCase);
        var (tallies, followUps, overallFollowUps) = Pool(names.Count, index, sharing, asOf);

        var overall = new SurvivalTally();
        foreach (var tally in tallies)
        {
            overall.Add(tally);
        }

        var overallReason = Primary(overall.Count, overallFollowUps.Length, disclosure.Threshold, minimumEmployers);
        var primary = Enumerable.Range(0, names.Count)
            .Select(i => Primary(tallies[i].Count, followUps[i].Length, disclosure.Threshold, minimumEmployers))
            .ToArray();
        var counts = tallies.Select(t => t.Count).ToList();

        // The municipalities partition the overall cell: with the total shown, one hidden cell alone could be
        // recovered by subtraction, so a second one is hidden too (as on the employer dashboard).
        var hidden = overallReason is null
            ? DisclosureControl.SuppressPartition(counts, [.. primary.Select(r => r is not null)])
            : [.. primary.Select(r => r is not null)];

        return new RegionalDashboardReport
        {
            RegionName = regionName,
            AsOf = asOf,
            MinimumNewcomers = disclosure.Threshold,
            MinimumEmployers = minimumEmployers,
            Overall = Cell(null, overall, overallFollowUps, overallReason, disclosure, minimumEmployers),
            Municipalities = [.. names.Select((name, i) => Cell(name, tallies[i], followUps[i], hidden[i] ? primary[i] ?? RegionalSuppression.Complementary : null, disclosure, minimumEmployers))],
        };
    }

    /// <summary>
    /// Sums the tallies per municipality and notes, per cell, each employer's longest follow-up; the employer ids
    /// are used here to tell employers apart and go no further.
    /// </summary>
    private static (SurvivalTally[] Tallies, int[][] FollowUps, int[] OverallFollowUps) Pool(
        int municipalities,
        Dictionary<string, int> index,
        IEnumerable<EmployerAggregate> sharing,
        LocalDate asOf)
    {
        var tallies = Enumerable.Range(0, municipalities).Select(_ => new SurvivalTally()).ToArray();
        var followUps = Enumerable.Range(0, municipalities).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var overall = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var employer in sharing)
        {
            foreach (var survival in employer.Municipalities)
            {
                if (!index.TryGetValue(survival.Municipality, out var i))
                {
                    continue;
                }

                var tally = survival.TallyAsOf(asOf);
                if (tally.Count == 0)
                {
                    continue; // enrolled but not started: no newcomer in the figures, so not an employer of the cell either
                }

                tallies[i].Add(tally);
                var longest = tally.ByDay()[^1].Days;
                Longest(followUps[i], employer.EmployerId, longest);
                Longest(overall, employer.EmployerId, longest);
            }
        }

        return (tallies, [.. followUps.Select(f => f.Values.ToArray())], [.. overall.Values]);
    }

    private static void Longest(Dictionary<string, int> followUps, string employerId, int days) =>
        followUps[employerId] = followUps.TryGetValue(employerId, out var seen) ? Math.Max(seen, days) : days;

    private static RegionalSuppression? Primary(int newcomers, int employers, int minimumNewcomers, int minimumEmployers) =>
        newcomers < minimumNewcomers ? RegionalSuppression.TooFewNewcomers
        : employers < minimumEmployers ? RegionalSuppression.TooFewEmployers
        : null;

    private static RegionalCell Cell(
        string? municipality,
        SurvivalTally tally,
        int[] followUps,
        RegionalSuppression? suppressedBecause,
        DisclosureControl disclosure,
        int minimumEmployers) =>
        suppressedBecause is { } reason
            ? new RegionalCell { Municipality = municipality, Suppressed = true, SuppressedBecause = reason, Retention = [] }
            : new RegionalCell
            {
                Municipality = municipality,
                Suppressed = false,
                Newcomers = tally.Count,
                Retention = [.. disclosure.RetentionAt(KaplanMeier.Estimate(tally), groupSuppressed: false)
                    .Select(r => FromEnoughEmployers(r, followUps, minimumEmployers))],
            };

    // Late checkpoints may rest on one employer's newcomers (the others' are not followed that long yet): the
    // estimate's last steps would then be that employer's, so it is hidden like one with too few at risk.
    private static RetentionEstimate FromEnoughEmployers(RetentionEstimate estimate, int[] followUps, int minimumEmployers) =>
        estimate.Estimate is null || followUps.Count(days => days >= estimate.Days) >= minimumEmployers
            ? estimate
            : estimate with { Suppressed = true, Estimate = null, Lower = null, Upper = null, AtRisk = null };
}
