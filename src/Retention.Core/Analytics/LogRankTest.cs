using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Retention.Core.Analytics;

/// <summary>
/// The (Mantel–Haenszel) log-rank test. On each day with departures, group g expects d·n_g/n of them, with
/// hypergeometric covariance d(n−d)/(n−1)·(n_g/n)(δ_gh − n_h/n). The statistic is (O−E)ᵀV⁻¹(O−E) over the first
/// k − 1 groups, χ² with k − 1 degrees of freedom (p-value from MathNet's <see cref="ChiSquared"/>).
/// </summary>
public static class LogRankTest
{
    /// <summary>Compares two or more groups. Null when there are fewer than two non-empty groups or no departures at all.</summary>
    public static LogRankResult? Compare(IReadOnlyList<SurvivalTally> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var k = groups.Count;
        if (k < 2 || groups.Any(g => g.Count == 0) || groups.Sum(g => g.Events) == 0)
        {
            return null;
        }

        var perGroup = groups.Select(g => g.ByDay()).ToArray();
        var days = perGroup.SelectMany(g => g.Select(d => d.Days)).Distinct().Order().ToArray();
        var atRisk = groups.Select(g => (double)g.Count).ToArray();
        var cursor = new int[k];
        var observed = new double[k];
        var expected = new double[k];
        var variance = new double[k, k];
        var dayEvents = new double[k];
        var dayLeaving = new double[k];

        foreach (var day in days)
        {
            double n = 0, d = 0;
            for (var g = 0; g < k; g++)
            {
                dayEvents[g] = dayLeaving[g] = 0;
                if (cursor[g] < perGroup[g].Count && perGroup[g][cursor[g]].Days == day)
                {
                    var (_, events, censored) = perGroup[g][cursor[g]++];
                    dayEvents[g] = events;
                    dayLeaving[g] = events + censored;
                }

                n += atRisk[g];
                d += dayEvents[g];
            }

            if (d > 0)
            {
                var spread = n > 1 ? d * (n - d) / (n - 1) : 0;
                for (var g = 0; g < k; g++)
                {
                    observed[g] += dayEvents[g];
                    expected[g] += d * atRisk[g] / n;
                    for (var h = 0; h < k; h++)
                    {
                        variance[g, h] += spread * (atRisk[g] / n) * ((g == h ? 1 : 0) - (atRisk[h] / n));
                    }
                }
            }

            for (var g = 0; g < k; g++)
            {
                atRisk[g] -= dayLeaving[g];
            }
        }

        var chiSquare = Statistic(observed, expected, variance, k);
        var pValue = double.IsFinite(chiSquare) ? 1 - ChiSquared.CDF(k - 1, chiSquare) : 0;
        return new LogRankResult(chiSquare, k - 1, Math.Clamp(pValue, 0, 1), observed, expected);
    }

    private static double Statistic(double[] observed, double[] expected, double[,] variance, int k)
    {
        var m = k - 1;
        var v = Matrix<double>.Build.Dense(m, m, (i, j) => variance[i, j]);
        var diff = Vector<double>.Build.Dense(m, i => observed[i] - expected[i]);
        if (m == 1)
        {
            return v[0, 0] > 0 ? diff[0] * diff[0] / v[0, 0] : 0;
        }

        // A group that is empty on every departure day makes V singular; the pseudo-inverse handles that.
        var inverse = v.Rank() == m ? v.Inverse() : v.PseudoInverse();
        return diff.DotProduct(inverse * diff);
    }
}
