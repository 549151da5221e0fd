using System.Globalization;

namespace Retention.Bench;

/// <summary>Percentiles (nearest rank) of a set of durations in milliseconds.</summary>
public sealed class Latencies
{
    private readonly double[] sorted;

    public Latencies(IEnumerable<double> milliseconds)
    {
        sorted = milliseconds.ToArray();
        Array.Sort(sorted);
    }

    public int Count => sorted.Length;

    public double Percentile(double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Percentile(50):F1} ms, p95 {Percentile(95):F1} ms, p99 {Percentile(99):F1} ms, max {Percentile(100):F1} ms (n={Count:N0})");
}
