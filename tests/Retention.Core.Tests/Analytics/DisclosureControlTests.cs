using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

public sealed class DisclosureControlTests
{
    private static readonly LocalDate Start = new(2026, 1, 10);

    [Fact]
    public void Whole_report_is_suppressed_when_fewer_than_the_threshold_are_enrolled()
    {
        var report = DashboardReport.Compute(Records.Many(4, i => Records.LeftAfter(Start, 100 + i)), Records.Query());

        Assert.True(report.Overall.Suppressed);
        Assert.Empty(report.Overall.Curve);
        Assert.All(report.Overall.Retention, r => Assert.Null(r.Estimate));
        Assert.True(report.Counts.Enrolled.Suppressed);
        Assert.Null(report.Counts.Enrolled.Value);
        Assert.All(report.Comparisons.SelectMany(c => c.Groups), g => Assert.True(g.Suppressed || g.People.Value == 0));
        Assert.All(report.Cohorts.Rows, r => Assert.True(r.People.Suppressed));
    }

    [Fact]
    public void Small_group_is_hidden_together_with_the_next_smallest_so_it_cannot_be_recovered_by_subtraction()
    {
        var records = Records.Many(12, i => Records.Employed(Start.PlusDays(i), "Haugesund"))
            .Concat(Records.Many(6, i => Records.Employed(Start.PlusDays(i), "Bergen")))
            .Concat(Records.Many(2, i => Records.LeftAfter(Start.PlusDays(i), 50, "Utsira")));

        var byMunicipality = DashboardReport.Compute(records, Records.Query()).Comparisons.Single(c => c.Key == "municipality");

        Assert.False(byMunicipality.Groups.Single(g => g.Key == "Haugesund").Suppressed);
        Assert.True(byMunicipality.Groups.Single(g => g.Key == "other").Suppressed); // Utsira, renamed so its name does not show
        Assert.DoesNotContain(byMunicipality.Groups, g => g.Label.Contains("Utsira", StringComparison.Ordinal));
        Assert.True(byMunicipality.Groups.Single(g => g.Key == "Bergen").Suppressed);
        Assert.Null(byMunicipality.LogRank); // one group left to show: nothing to test
    }

    [Fact]
    public void Small_municipalities_are_pooled_and_the_pool_is_shown_once_big_enough()
    {
        var records = Records.Many(10, i => Records.Employed(Start.PlusDays(i), "Haugesund"))
            .Concat(Records.Many(3, i => Records.Employed(Start.PlusDays(i), "Sauda")))
            .Concat(Records.Many(3, i => Records.Employed(Start.PlusDays(i), "Utsira")));

        var groups = DashboardReport.Compute(records, Records.Query()).Comparisons.Single(c => c.Key == "municipality").Groups;

        Assert.Equal(["Haugesund", "other"], groups.Select(g => g.Key));
        Assert.Equal(6.0, groups[1].People.Value);
        Assert.DoesNotContain(groups, g => g.Label.Contains("Sauda", StringComparison.Ordinal));
    }

    [Fact]
    public void Curve_is_cut_where_fewer_than_the_threshold_remain_at_risk()
    {
        var records = Records.Many(10, i => Records.LeftAfter(Start, 30 * (i + 1), lunch: WelcomeLunchState.Acted));

        var overall = DashboardReport.Compute(records, Records.Query()).Overall;

        Assert.All(overall.Curve, p => Assert.True(p.AtRisk >= 5));
        Assert.Equal([30, 60, 90, 120, 150, 180], overall.Curve.Select(p => p.Days));
        Assert.True(overall.Retention.Single(r => r.Months == 6).Suppressed); // 4 still at risk on day 182
    }

    [Fact]
    public void Small_counts_are_hidden_but_zero_is_shown()
    {
        var records = Records.Many(20, i => Records.Employed(Start.PlusDays(i))).Concat(Records.Many(3, i => Records.LeftAfter(Start, 10 + i)));

        var counts = DashboardReport.Compute(records, Records.Query()).Counts;

        Assert.Equal(23.0, counts.Enrolled.Value);
        Assert.True(counts.Left.Suppressed);
        Assert.True(counts.Employed.Suppressed); // secondary: otherwise 23 − 20 gives the hidden 3
        Assert.Equal(0.0, counts.Cancelled.Value);
        Assert.False(counts.Cancelled.Suppressed);
    }

    [Fact]
    public void Engagement_figures_from_few_newcomers_are_hidden()
    {
        var records = Records.Many(3, i => Records.Employed(Start.PlusDays(i)) with { IldsjelNudges = [new NudgeKindTally("julebord", 1, 1)] })
            .Concat(Records.Many(8, i => Records.Employed(Start.PlusDays(i)) with { IldsjelNudges = [new NudgeKindTally("first-day", 1, i % 2)] }));

        var engagement = DashboardReport.Compute(records, Records.Query()).Engagement;

        Assert.True(engagement.ActionRates.Single(r => r.Kind == "julebord").Rate.Suppressed);
        Assert.Equal(0.5, engagement.ActionRates.Single(r => r.Kind == "first-day").Rate.Value);
        Assert.Equal(7.0 / 11, engagement.IldsjelActionRate.Value!.Value, 1e-9);
    }
}
