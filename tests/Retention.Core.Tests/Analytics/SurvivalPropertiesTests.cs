using FsCheck.Xunit;
using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

public sealed class SurvivalPropertiesTests
{
    private static List<SurvivalObservation> Observations(int[] days, bool[] left) =>
        days.Select((d, i) => new SurvivalObservation(Math.Abs(d % 2000), i < left.Length && left[i])).ToList();

    [Property]
    public void Curve_is_non_increasing_and_within_zero_and_one(int[] days, bool[] left)
    {
        var steps = KaplanMeier.Estimate(Observations(days, left)).Steps;

        var previous = 1.0;
        foreach (var step in steps)
        {
            Assert.InRange(step.Survival, 0.0, 1.0);
            Assert.True(step.Survival <= previous);
            previous = step.Survival;
        }
    }

    [Property]
    public void Confidence_interval_contains_the_estimate_and_stays_in_zero_and_one(int[] days, bool[] left)
    {
        foreach (var step in KaplanMeier.Estimate(Observations(days, left)).Steps.Where(s => s.Lower is not null))
        {
            Assert.InRange(step.Lower!.Value, 0.0, step.Survival);
            Assert.InRange(step.Upper!.Value, step.Survival, 1.0);
        }
    }

    [Property]
    public void Censoring_only_keeps_the_curve_at_one(int[] days)
    {
        var curve = KaplanMeier.Estimate(Observations(days, []));

        Assert.Empty(curve.Steps);
        foreach (var d in days)
        {
            Assert.Equal(1.0, curve.At(Math.Abs(d % 2000))!.Survival);
        }
    }

    [Property]
    public void Number_at_risk_counts_everyone_followed_at_least_that_long(int[] days, bool[] left, int probe)
    {
        var observations = Observations(days, left);
        var day = Math.Abs(probe % 2000);

        Assert.Equal(observations.Count(o => o.Days >= day), KaplanMeier.Estimate(observations).AtRiskAt(day));
    }

    [Property]
    public void Removing_what_was_added_restores_the_tally(int[] days, bool[] left, int[] extra)
    {
        var baseline = SurvivalTally.Of(Observations(days, left));
        var before = baseline.ByDay();
        var added = Observations(extra, left);

        added.ForEach(baseline.Add);
        added.ForEach(baseline.Remove);

        Assert.Equal(before, baseline.ByDay());
        Assert.Equal(days.Length, baseline.Count);
    }

    [Property]
    public void Without_censoring_the_curve_is_the_empirical_share_still_employed(int[] days)
    {
        var observations = Observations(days, days.Select(_ => true).ToArray());
        var curve = KaplanMeier.Estimate(observations);

        foreach (var step in curve.Steps)
        {
            var share = observations.Count(o => o.Days > step.Days) / (double)observations.Count;
            Assert.Equal(share, step.Survival, 1e-9);
        }
    }
}
