using System.Collections;
using FsCheck.Xunit;
using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

public sealed class DisclosurePropertiesTests
{
    private static readonly LocalDate AsOf = new(2027, 12, 31);

    [Property(MaxTest = 40)]
    public void No_figure_in_the_report_rests_on_fewer_than_the_threshold(int seed, byte size, byte threshold)
    {
        var t = 2 + (threshold % 30);
        var report = DashboardReport.Compute(SyntheticRecords.Generate(size, AsOf, seed), new DashboardQuery { EmployerId = "e", To = AsOf, Threshold = t });

        foreach (var figure in Walk(report).OfType<Figure>())
        {
            Assert.True(figure.Suppressed ? figure.Value is null && figure.People is null : figure.People is 0 || figure.People >= t, $"{figure} with threshold {t}");
        }

        foreach (var estimate in Walk(report).OfType<RetentionEstimate>())
        {
            Assert.True(estimate.Suppressed ? estimate.Estimate is null && estimate.AtRisk is null : estimate.AtRisk is null or 0 || estimate.AtRisk >= t, $"{estimate} with threshold {t}");
        }

        Assert.All(Walk(report).OfType<CurvePoint>(), p => Assert.True(p.AtRisk >= t));
    }

    [Property]
    public void Log_rank_statistic_is_non_negative_and_p_is_a_probability(int[] a, int[] b, bool[] left)
    {
        var first = a.Select((d, i) => new SurvivalObservation(Math.Abs(d % 500), i < left.Length && left[i])).ToList();
        var second = b.Select((d, i) => new SurvivalObservation(Math.Abs(d % 500), i >= left.Length || !left[i])).ToList();

        var result = LogRankTest.Compare([SurvivalTally.Of(first), SurvivalTally.Of(second)]);

        if (result is not null)
        {
            Assert.True(result.ChiSquare >= -1e-9);
            Assert.InRange(result.PValue, 0, 1);
            Assert.Equal(result.Observed.Sum(), result.Expected.Sum(), 1e-6);
        }
    }

    /// <summary>Every object reachable from the report through its public properties and lists.</summary>
    private static IEnumerable<object> Walk(object? node)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node is LocalDate)
        {
            yield break;
        }

        yield return node;
        if (node is IEnumerable items)
        {
            foreach (var item in items)
            {
                foreach (var inner in Walk(item))
                {
                    yield return inner;
                }
            }

            yield break;
        }

        if (node.GetType().Namespace != typeof(DashboardReport).Namespace)
        {
            yield break;
        }

        foreach (var property in node.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            foreach (var inner in Walk(property.GetValue(node)))
            {
                yield return inner;
            }
        }
    }
}
