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
        var (tallies, employerCounts, overallEmployers) = Pool(names.Count, index, sharing, asOf);

        var overall = new SurvivalTally();
        foreach (var tally in tallies)
        {
            overall.Add(tally);
        }

        var overallReason = Primary(overall.Count, overallEmployers, disclosure.Threshold, minimumEmployers);
        var primary = Enumerable.Range(0, names.Count)
            .Select(i => Primary(tallies[i].Count, employerCounts[i], disclosure.Threshold, minimumEmployers))
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
            Overall = Cell(null, overall, overallReason, disclosure),
            Municipalities = [.. names.Select((name, i) => Cell(name, tallies[i], hidden[i] ? primary[i] ?? RegionalSuppression.Complementary : null, disclosure))],
        };
    }

    /// <summary>Sums the tallies per municipality; the employer ids are counted here and go no further.</summary>
    private static (SurvivalTally[] Tallies, int[] Employers, int OverallEmployers) Pool(
        int municipalities,
        Dictionary<string, int> index,
        IEnumerable<EmployerAggregate> sharing,
        LocalDate asOf)
    {
        var tallies = Enumerable.Range(0, municipalities).Select(_ => new SurvivalTally()).ToArray();
        var employers = Enumerable.Range(0, municipalities).Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var overall = new HashSet<string>(StringComparer.Ordinal);
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
                employers[i].Add(employer.EmployerId);
                overall.Add(employer.EmployerId);
            }
        }

        return (tallies, [.. employers.Select(e => e.Count)], overall.Count);
    }

    private static RegionalSuppression? Primary(int newcomers, int employers, int minimumNewcomers, int minimumEmployers) =>
        newcomers < minimumNewcomers ? RegionalSuppression.TooFewNewcomers
        : employers < minimumEmployers ? RegionalSuppression.TooFewEmployers
        : null;

    private static RegionalCell Cell(string? municipality, SurvivalTally tally, RegionalSuppression? suppressedBecause, DisclosureControl disclosure) =>
        suppressedBecause is { } reason
            ? new RegionalCell { Municipality = municipality, Suppressed = true, SuppressedBecause = reason, Retention = [] }
            : new RegionalCell
            {
                Municipality = municipality,
                Suppressed = false,
                Newcomers = tally.Count,
                Retention = disclosure.RetentionAt(KaplanMeier.Estimate(tally), groupSuppressed: false),
            };
}
