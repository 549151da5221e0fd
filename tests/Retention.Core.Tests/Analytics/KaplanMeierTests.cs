using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

public sealed class KaplanMeierTests
{
    /// <summary>
    /// Kleinbaum &amp; Klein (2012), ch. 2, KM table for group 1 (6-MP): t, n at risk, S(t). Greenwood standard
    /// errors as printed by Klein &amp; Moeschberger, "Survival Analysis" 2nd ed. (2003), §4.2, and by R's
    /// <c>survfit</c> on the same data: 0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346.
    /// </summary>
    [Theory]
    [InlineData(6, 21, 3, 0.8571, 0.0764)]
    [InlineData(7, 17, 1, 0.8067, 0.0869)]
    [InlineData(10, 15, 1, 0.7529, 0.0963)]
    [InlineData(13, 12, 1, 0.6902, 0.1068)]
    [InlineData(16, 11, 1, 0.6275, 0.1141)]
    [InlineData(22, 7, 1, 0.5378, 0.1282)]
    [InlineData(23, 6, 1, 0.4482, 0.1346)]
    public void Reproduces_the_published_table_for_the_6MP_group(int weeks, int atRisk, int relapses, double survival, double standardError)
    {
        var curve = KaplanMeier.Estimate(FreireichData.SixMp);

        var step = Assert.Single(curve.Steps, s => s.Days == weeks);
        Assert.Equal(atRisk, step.AtRisk);
        Assert.Equal(relapses, step.Events);
        Assert.Equal(survival, step.Survival, 0.00005);
        Assert.Equal(standardError, step.StandardError!.Value, 0.00005);
    }

    [Fact]
    public void Steps_only_on_relapse_times()
    {
        var curve = KaplanMeier.Estimate(FreireichData.SixMp);

        Assert.Equal([6, 7, 10, 13, 16, 22, 23], curve.Steps.Select(s => s.Days));
        Assert.Equal(21, curve.People);
        Assert.Equal(9, curve.Events);
    }

    [Fact]
    public void Placebo_curve_falls_to_zero_and_medians_match_the_textbook()
    {
        // Kleinbaum & Klein: median remission 8 weeks on placebo, 23 weeks on 6-MP.
        var placebo = KaplanMeier.Estimate(FreireichData.Placebo);
        var sixMp = KaplanMeier.Estimate(FreireichData.SixMp);

        Assert.Equal(0.3810, placebo.Steps.Single(s => s.Days == 8).Survival, 0.00005);
        Assert.Equal(0.0, placebo.Steps[^1].Survival);
        Assert.Equal(8, placebo.MedianDays);
        Assert.Equal(23, sixMp.MedianDays);
    }

    [Fact]
    public void Log_log_interval_follows_the_transform()
    {
        // At 6 weeks by hand: S = 18/21, Σ = 3/(21·18); θ-se = √Σ / |ln S|; limits S^exp(±1.96·se) = (0.6197, 0.9516),
        // as R's survfit(conf.type = "log-log") prints (0.620, 0.952).
        var step = KaplanMeier.Estimate(FreireichData.SixMp).Steps[0];

        Assert.Equal(0.6197, step.Lower!.Value, 0.0001);
        Assert.Equal(0.9516, step.Upper!.Value, 0.0001);
    }

    [Fact]
    public void Reading_the_curve_between_steps_gives_the_last_step_and_the_number_at_risk_that_day()
    {
        var curve = KaplanMeier.Estimate(FreireichData.SixMp);

        var at12 = curve.At(12)!;
        Assert.Equal(0.7529, at12.Survival, 0.00005);
        Assert.Equal(12, at12.AtRisk); // follow-up ≥ 12 weeks: 13,16,17+,19+,20+,22,23,25+,32+,32+,34+,35+
        Assert.Equal(1.0, curve.At(3)!.Survival);
        Assert.Null(curve.At(36)); // nobody followed that long, and the curve never reached 0
    }

    [Fact]
    public void Curve_that_reached_zero_can_be_read_beyond_the_last_follow_up()
    {
        var placebo = KaplanMeier.Estimate(FreireichData.Placebo);

        Assert.Equal(0.0, placebo.At(100)!.Survival);
    }

    [Fact]
    public void Empty_data_gives_an_empty_curve()
    {
        var curve = KaplanMeier.Estimate([]);

        Assert.Empty(curve.Steps);
        Assert.Null(curve.At(0));
        Assert.Null(curve.MedianDays);
    }
}
