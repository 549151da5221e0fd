using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Bench.Dashboard;

/// <summary>
/// Dashboard aggregates over generated newcomers: <c>dashboard [--records N] [--iterations K] [--incremental]</c>.
/// Times <see cref="DashboardReport.Compute"/> and <see cref="DashboardCsv.Write(IEnumerable{RetentionRecord}, DashboardQuery)"/>
/// over in-memory records (what a store hands over), after one warm-up run; prints median and max per step.
/// With <c>--incremental</c> also times keeping a <see cref="SurvivalTally"/> up to date one change at a time.
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

    /// <summary>One departure recorded: take the censored observation out, put the event in, re-estimate the curve.</summary>
    private static void Incremental(IReadOnlyList<RetentionRecord> data, LocalDate asOf)
    {
        var observations = data.Select(r => r.ObservationAt(asOf)).OfType<SurvivalObservation>().ToList();
        var tally = SurvivalTally.Of(observations);
        var censored = observations.Where(o => !o.Left).Take(1_000).ToList();
        var watch = Stopwatch.StartNew();
        foreach (var o in censored)
        {
            tally.Remove(o);
            tally.Add(o with { Left = true });
            KaplanMeier.Estimate(tally);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"incremental: {censored.Count:N0} departures applied and curve re-estimated, {watch.Elapsed.TotalMilliseconds / censored.Count:F3} ms each ({tally.DistinctDays:N0} distinct days)"));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
