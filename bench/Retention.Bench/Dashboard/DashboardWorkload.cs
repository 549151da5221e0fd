using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Bench.Dashboard;

/// <summary>
/// Dashboard aggregates over generated newcomers: <c>dashboard [--records N] [--iterations K] [--incremental]</c>.
/// Times <see cref="DashboardReport.Compute"/> and <see cref="DashboardCsv.Write(IEnumerable{RetentionRecord}, DashboardQuery)"/>
/// over in-memory records (what a store hands over), after one warm-up run; prints median and max per step.
/// With <c>--incremental</c> also times keeping a <see cref="SurvivalAggregate"/> up to date one departure at a time.
/// Hook it in Program.cs as <c>"dashboard" =&gt; await DashboardWorkload.RunAsync(rest)</c>.
/// </summary>
public static class DashboardWorkload
{
    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var records = Option(args, "--records", 100_000);
        var iterations = Option(args, "--iterations", 5);
        var asOf = new LocalDate(2027, 12, 31);

        var generate = Stopwatch.StartNew();
        var data = SyntheticRecords.Generate(records, asOf);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {records:N0} records in {generate.ElapsedMilliseconds} ms"));

        var query = new DashboardQuery { EmployerId = "bench", To = asOf };
        DashboardReport.Compute(data, query); // warm-up: JIT, tz data
        var report = Time("report", iterations, () => DashboardReport.Compute(data, query));
        Time("csv", Math.Max(1, iterations / 2), () => DashboardCsv.Write(data, query).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall 12-month retention {report.Overall.Retention[1].Estimate:P1}, at risk listed {report.AtRisk.Count:N0}"));

        if (args.Contains("--incremental"))
        {
            Incremental(data, asOf);
        }

        return Task.FromResult(0);
    }

    private static T Time<T>(string step, int iterations, Func<T> run)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        T result = default!;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < iterations; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = run();
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        times.Sort();
        cpu.Sort();

        // CPU time next to wall time: on a shared, busy machine the wall clock also measures the neighbours.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step}: median {times[times.Count / 2]:F1} ms wall ({cpu[cpu.Count / 2]:F1} ms CPU), max {times[^1]:F1} ms over {iterations} runs"));
        return result;
    }

    /// <summary>One departure recorded at a time: take the open record out, put the departed one in, re-read the curve.</summary>
    private static void Incremental(IReadOnlyList<RetentionRecord> data, LocalDate asOf)
    {
        var aggregate = new SurvivalAggregate();
        foreach (var r in data)
        {
            aggregate.Add(r);
        }

        var open = data.Where(r => r.DepartureDate is null && r.CancellationDate is null && r.StartDate <= asOf).Take(1_000).ToList();
        var watch = Stopwatch.StartNew();
        SurvivalCurve? curve = null;
        foreach (var r in open)
        {
            aggregate.Remove(r);
            aggregate.Add(r with { DepartureDate = asOf });
            curve = KaplanMeier.Estimate(aggregate.TallyAsOf(asOf));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"incremental: {open.Count:N0} departures applied to a {aggregate.Count:N0}-newcomer aggregate, curve re-read after each: {watch.Elapsed.TotalMilliseconds / open.Count:F3} ms each ({curve?.Steps.Count:N0} steps)"));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
