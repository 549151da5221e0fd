using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Retention.Core.Analytics;
using Retention.Core.Storage;

namespace Retention.Bench.Scale;

/// <summary>
/// <c>scale [--dir D] [--seconds S] [--page P] [--warm W] [--dashboard-only]</c>: the real server on the file <c>scale-seed</c> wrote. Start-up time
/// (build → listening → first authorised answer), resident memory after start and after S s of the dispatcher idling
/// over the pending nudges, the time to read every enrolment back (what a dashboard over the store must do today), and
/// the dashboard computation over as many synthetic records, and the dashboard through the real store path
/// (<see cref="StoreDashboard"/>; <c>--dashboard-only</c> skips the rest after start-up).
/// </summary>
public static class ScaleWorkload
{
    public static string Directory(string[] args) =>
        BenchArgs.Value(args, "--dir") ?? Path.Combine(Path.GetTempPath(), BenchArgs.Smoke(args) ? "retention-bench-scale-smoke" : "retention-bench-scale");

    public static double DatabaseMegabytes(string directory) =>
        new DirectoryInfo(directory).GetFiles("retention.db*").Sum(f => f.Length) / 1024.0 / 1024.0;

    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = BenchArgs.Smoke(args);
        var directory = Directory(args);
        var seconds = BenchArgs.Int(args, "--seconds", smoke ? 2 : 30);
        var pageSize = BenchArgs.Int(args, "--page", 1000);
        if (!File.Exists(Path.Combine(directory, "retention.db")))
        {
            Console.Error.WriteLine($"scale: no {directory}/retention.db; run scale-seed first");
            return 2;
        }

        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scale: database {DatabaseMegabytes(directory):N0} MB in {directory}; RSS before the server {Machine.ResidentMegabytes():N0} MB; {Machine.Describe()}"));
            var watch = Stopwatch.StartNew();
            await using var server = await BenchServer.StartAsync(directory);
            var listening = watch.Elapsed;
            var key = await server.CreateKeyAsync("bench");
            // The cold dashboard at 1 M newcomers on a loaded machine can take longer than the default 100 s.
            using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(10) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            using (var first = await client.GetAsync(new Uri("/api/v1/employers/bench/enrollments?limit=10", UriKind.Relative)))
            {
                first.EnsureSuccessStatusCode();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scale: start-up {listening.TotalMilliseconds:N0} ms to listening, {watch.Elapsed.TotalMilliseconds:N0} ms to the first authorised answer; RSS {Machine.ResidentMegabytes():N0} MB"));

            if (BenchArgs.Flag(args, "--dashboard-only"))
            {
                await StoreDashboard.MeasureAsync(server, client, "bench", BulkSeeder.EnrollmentId, BenchArgs.Int(args, "--warm", 20));
                return 0;
            }

            Console.WriteLine($"scale: dispatcher running over the pending nudges for {seconds} s");
            var peak = 0.0;
            for (var s = 0; s < seconds; s++)
            {
                await Task.Delay(1000);
                peak = Math.Max(peak, Machine.ResidentMegabytes());
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale: RSS {Machine.ResidentMegabytes():N0} MB after {seconds} s idle dispatching (peak {peak:N0} MB)"));

            var store = server.App.Services.GetRequiredService<IEnrollmentStore>();
            watch.Restart();
            long read = 0;
            string? cursor = null;
            do
            {
                var page = await store.ListAsync("bench", null, cursor, pageSize, CancellationToken.None);
                read += page.Items.Count;
                cursor = page.NextCursor;
                if (read % 100_000 < pageSize)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  read {read,9:N0} enrolments  {watch.Elapsed.TotalSeconds,6:F1} s  RSS {Machine.ResidentMegabytes():N0} MB"));
                }
            }
            while (cursor is not null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scale: read all {read:N0} enrolments through IEnrollmentStore.ListAsync (pages of {pageSize}) in {watch.Elapsed.TotalMilliseconds:N0} ms; RSS {Machine.ResidentMegabytes():N0} MB"));

            var asOf = new LocalDate(2027, 12, 31);
            var records = SyntheticRecords.Generate((int)Math.Min(read, int.MaxValue), asOf);
            var query = new DashboardQuery { EmployerId = "bench", To = asOf };
            DashboardReport.Compute(records.Take(1000).ToList(), query);
            watch.Restart();
            DashboardReport.Compute(records, query);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scale: DashboardReport.Compute over {records.Count:N0} in-memory records {watch.Elapsed.TotalMilliseconds:N0} ms; RSS {Machine.ResidentMegabytes():N0} MB with them held"));
            await StoreDashboard.MeasureAsync(server, client, "bench", BulkSeeder.EnrollmentId, BenchArgs.Int(args, "--warm", 20));
            Console.WriteLine($"scale: load average at the end {Machine.LoadAverage()}");
            return 0;
        }
        finally
        {
            if (smoke)
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
    }
}
