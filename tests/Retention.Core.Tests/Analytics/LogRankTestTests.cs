using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

public sealed class LogRankTestTests
{
    [Fact]
    public void Reproduces_the_published_log_rank_statistic_for_6MP_versus_placebo()
    {
        // Kleinbaum & Klein (2012), ch. 2: O1 = 9, E1 = 19.25, O2 = 21, E2 = 10.75, Var(O2 − E2) = 6.2570,
        // log-rank statistic = 16.79 on 1 df, p < 0.001 (R survdiff: Chisq = 16.8, p = 4e-05).
        var result = LogRankTest.Compare([SurvivalTally.Of(FreireichData.SixMp), SurvivalTally.Of(FreireichData.Placebo)])!;

        Assert.Equal(16.79, result.ChiSquare, 0.005);
        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.InRange(result.PValue, 3e-5, 5e-5);
        Assert.Equal([9.0, 21.0], result.Observed);
        Assert.Equal(19.25, result.Expected[0], 0.005);
        Assert.Equal(10.75, result.Expected[1], 0.005);
    }

    [Fact]
    public void Order_of_the_groups_does_not_change_the_statistic()
    {
        var ab = LogRankTest.Compare([SurvivalTally.Of(FreireichData.SixMp), SurvivalTally.Of(FreireichData.Placebo)])!;
        var ba = LogRankTest.Compare([SurvivalTally.Of(FreireichData.Placebo), SurvivalTally.Of(FreireichData.SixMp)])!;

        Assert.Equal(ab.ChiSquare, ba.ChiSquare, 1e-9);
    }

    [Fact]
    public void Identical_groups_give_a_statistic_of_zero()
    {
        var result = LogRankTest.Compare([SurvivalTally.Of(FreireichData.SixMp), SurvivalTally.Of(FreireichData.SixMp), SurvivalTally.Of(FreireichData.SixMp)])!;

        Assert.Equal(0.0, result.ChiSquare, 1e-9);
        Assert.Equal(2, result.DegreesOfFreedom);
        Assert.Equal(1.0, result.PValue, 1e-9);
    }

    [Fact]
    public void Three_groups_use_k_minus_one_degrees_of_freedom_and_reduce_to_two_group_result_when_one_is_a_copy()
    {
        var sixMpHalfA = FreireichData.SixMp.Where((_, i) => i % 2 == 0).ToList();
        var sixMpHalfB = FreireichData.SixMp.Where((_, i) => i % 2 == 1).ToList();
        var result = LogRankTest.Compare([SurvivalTally.Of(sixMpHalfA), SurvivalTally.Of(sixMpHalfB), SurvivalTally.Of(FreireichData.Placebo)])!;

        Assert.Equal(2, result.DegreesOfFreedom);
        Assert.True(result.ChiSquare >= 16, $"χ² {result.ChiSquare}");
        Assert.True(result.PValue < 0.001);
        Assert.Equal(30.0, result.Observed.Sum());
        Assert.Equal(30.0, result.Expected.Sum(), 1e-9);
    }

    [Fact]
    public void No_test_without_two_groups_or_without_departures()
    {
        Assert.Null(LogRankTest.Compare([SurvivalTally.Of(FreireichData.SixMp)]));
        Assert.Null(LogRankTest.Compare([SurvivalTally.Of([new(5, false)]), SurvivalTally.Of([new(7, false)])]));
    }
}
