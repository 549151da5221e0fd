using FsCheck.Xunit;
using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

public sealed class RegionalDashboardComputationTests
{
    private static readonly LocalDate AsOf = Records.AsOf;
    private static readonly string[] Region = ["Haugesund", "Karmøy", "Tysvær"];

    [Property(MaxTest = 30)]
    public void Pooled_tallies_give_exactly_the_Kaplan_Meier_of_the_pooled_records(int seed, byte a, byte b, byte c)
    {
        var employers = new[] { a, b, c }.Select((size, i) => SyntheticRecords.Generate(size, AsOf, seed + i)).ToList();
        var aggregates = employers.Select((records, i) => EmployerAggregate.Of($"employer-{i}", records)).ToList();
        var pooled = employers.SelectMany(r => r).ToList();

        foreach (var municipality in pooled.Select(r => r.Municipality).Distinct())
        {
            var tally = new SurvivalTally();
            foreach (var survival in aggregates.SelectMany(e => e.Municipalities).Where(m => m.Municipality == municipality))
            {
                tally.Add(survival.TallyAsOf(AsOf));
            }

            var expected = KaplanMeier.Estimate(pooled.Where(r => r.Municipality == municipality).Select(r => r.ObservationAt(AsOf)).OfType<SurvivalObservation>());
            var actual = KaplanMeier.Estimate(tally);
            Assert.Equal(expected.People, actual.People);
            Assert.Equal(expected.Steps, actual.Steps);
            Assert.Equal(expected.MaxFollowUp, actual.MaxFollowUp);
        }

        // And the report's overall figures are those of the pooled curve (threshold 2, so little is hidden).
        var everywhere = pooled.Select(r => r.Municipality).Distinct().ToList();
        var report = RegionalDashboardComputation.Compute(everywhere, aggregates, "Test region", AsOf, minimumNewcomers: 2, minimumEmployers: 2);
        var curve = KaplanMeier.Estimate(pooled.Select(r => r.ObservationAt(AsOf)).OfType<SurvivalObservation>());
        if (!report.Overall.Suppressed)
        {
            Assert.Equal(curve.People, report.Overall.Newcomers);
            foreach (var r in report.Overall.Retention.Where(r => !r.Suppressed))
            {
                Assert.Equal(curve.At(r.Days)?.Survival, r.Estimate);
                Assert.Equal(curve.At(r.Days)?.Lower, r.Lower);
            }
        }
    }

    [Fact]
    public void Two_employers_with_ten_newcomers_in_a_municipality_are_suppressed_for_too_few_employers()
    {
        var report = Compute(Employers(("Karmøy", [5, 5])));

        var karmoy = Cell(report, "Karmøy");
        Assert.True(karmoy.Suppressed);
        Assert.Equal(RegionalSuppression.TooFewEmployers, karmoy.SuppressedBecause);
        Assert.Null(karmoy.Newcomers);
        Assert.Empty(karmoy.Retention);
        Assert.Equal(RegionalSuppression.TooFewEmployers, report.Overall.SuppressedBecause);
    }

    [Fact]
    public void Three_employers_with_ten_newcomers_are_shown()
    {
        var report = Compute(Employers(("Karmøy", [4, 3, 3])));

        var karmoy = Cell(report, "Karmøy");
        Assert.False(karmoy.Suppressed);
        Assert.Null(karmoy.SuppressedBecause);
        Assert.Equal(10, karmoy.Newcomers);
        Assert.Equal([6, 12, 24], karmoy.Retention.Select(r => r.Months));
        Assert.Equal(10, report.Overall.Newcomers);
    }

    [Fact]
    public void Three_employers_with_four_newcomers_are_suppressed_for_too_few_newcomers()
    {
        var karmoy = Cell(Compute(Employers(("Karmøy", [2, 1, 1]))), "Karmøy");

        Assert.True(karmoy.Suppressed);
        Assert.Equal(RegionalSuppression.TooFewNewcomers, karmoy.SuppressedBecause);
        Assert.Null(karmoy.Newcomers);
    }

    [Fact]
    public void One_hidden_municipality_under_a_shown_total_hides_the_next_smallest_too()
    {
        var report = Compute(Employers(("Haugesund", [10, 10, 10]), ("Karmøy", [5, 5, 0]), ("Tysvær", [3, 3, 3])));

        Assert.Equal(RegionalSuppression.TooFewEmployers, Cell(report, "Karmøy").SuppressedBecause);
        Assert.Equal(RegionalSuppression.Complementary, Cell(report, "Tysvær").SuppressedBecause);
        Assert.Null(Cell(report, "Tysvær").Newcomers);
        Assert.False(Cell(report, "Haugesund").Suppressed);
        Assert.Equal(49, report.Overall.Newcomers);
    }

    [Fact]
    public void Municipalities_outside_the_region_are_left_out_and_names_match_case_insensitively()
    {
        var report = Compute(Employers(("karmøy", [4, 3, 3]), ("Bergen", [20, 20, 20])));

        Assert.Equal(Region, report.Municipalities.Select(m => m.Municipality));
        Assert.Equal(10, Cell(report, "Karmøy").Newcomers);
        Assert.Equal(10, report.Overall.Newcomers);
        Assert.Equal(RegionalSuppression.TooFewNewcomers, Cell(report, "Haugesund").SuppressedBecause); // nobody there
    }

    [Fact]
    public void Newcomers_not_started_yet_are_not_counted_nor_is_their_employer()
    {
        var started = Employers(("Karmøy", [5, 5, 0]));
        var future = EmployerAggregate.Of("employer-later", [Records.Employed(AsOf.PlusDays(10), "Karmøy")]);

        var karmoy = Cell(Compute([.. started, future]), "Karmøy");

        Assert.Equal(RegionalSuppression.TooFewEmployers, karmoy.SuppressedBecause);
    }

    [Fact]
    public void A_checkpoint_reached_by_the_newcomers_of_fewer_than_three_employers_is_suppressed()
    {
        EmployerAggregate Employer(string id, int count, int daysAgo) =>
            EmployerAggregate.Of(id, Records.Many(count, _ => Records.Employed(AsOf.PlusDays(-daysAgo), "Karmøy")));

        // Six followed for 900 days at one employer; the other two employers' four newcomers started 100 days ago.
        var karmoy = Cell(Compute([Employer("a", 6, 900), Employer("b", 2, 100), Employer("c", 2, 100)]), "Karmøy");

        Assert.False(karmoy.Suppressed);
        Assert.Equal(10, karmoy.Newcomers);
        Assert.All(karmoy.Retention, r => Assert.True(r.Suppressed && r.Estimate is null && r.AtRisk is null));

        var everyoneLong = Cell(Compute([Employer("a", 6, 900), Employer("b", 2, 900), Employer("c", 2, 900)]), "Karmøy");
        Assert.All(everyoneLong.Retention, r => Assert.Equal(1.0, r.Estimate));
    }

    private static RegionalDashboardReport Compute(IEnumerable<EmployerAggregate> employers) =>
        RegionalDashboardComputation.Compute(Region, employers, "Haugalandet", AsOf);

    private static RegionalCell Cell(RegionalDashboardReport report, string municipality) =>
        report.Municipalities.Single(m => m.Municipality == municipality);

    /// <summary>Employer i has counts[i] newcomers in each listed municipality, a third of them gone after 100 days.</summary>
    internal static List<EmployerAggregate> Employers(params (string Municipality, int[] Counts)[] cells)
    {
        var employers = cells.Max(c => c.Counts.Length);
        return [.. Enumerable.Range(0, employers).Select(i => EmployerAggregate.Of(
            $"employer-secret-{i}",
            cells.SelectMany(c => Records.Many(i < c.Counts.Length ? c.Counts[i] : 0, k => k % 3 == 0
                ? Records.LeftAfter(AsOf.PlusDays(-900 + k), 100, c.Municipality)
                : Records.Employed(AsOf.PlusDays(-900 + k), c.Municipality)))))];
    }
}
