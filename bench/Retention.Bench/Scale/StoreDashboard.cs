using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Analytics;
using Retention.Core.Application;
using Retention.Core.Storage;

namespace Retention.Bench.Scale;

/// <summary>
/// The dashboard through the real path (HTTP → <c>DashboardService</c> → the store's record source): the first
/// request (cold: the set-based read and the computation), repeated requests (the cached report, one change-stamp
/// read each), then one outcome recorded over HTTP and the next request (recomputed), and warm again. Peak resident
/// memory is sampled every 20 ms while each request runs.
/// </summary>
public static class StoreDashboard
{
    public static async Task MeasureAsync(BenchServer server, HttpClient client, string employerId, Func<long, string> enrollmentId, int warmRequests)
    {
        ArgumentNullException.ThrowIfNull(server);
        await PartsAsync(server.App.Services, employerId);
        var url = new Uri($"/api/v1/employers/{employerId}/dashboard", UriKind.Relative);
        var before = Machine.ResidentMegabytes();
        var (cold, coldPeak, enrolled) = await TimedAsync(client, url);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dashboard: cold (read + compute) {cold:N0} ms wall ({LastCpuMilliseconds:N0} ms CPU) for {enrolled} enrolled; RSS {before:N0} MB before, peak {coldPeak:N0} MB, {Machine.ResidentMegabytes():N0} MB after"));

        Console.WriteLine($"dashboard: warm (cached, stamp unchanged) {(await WarmAsync(client, url, warmRequests)).Summary()}");

        // A newcomer picked at random, so a re-run on the same file records a new departure (a repeated one changes nothing).
        var someone = enrollmentId(Random.Shared.NextInt64(Math.Max(1, (long)double.Parse(enrolled, CultureInfo.InvariantCulture) - 1)));
        var outcome = new Uri($"/api/v1/employers/{employerId}/enrollments/{someone}/outcome", UriKind.Relative);
        // Dated today in UTC: never ahead of the Oslo calendar day the rule checks against, and after the template's start.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var content = new StringContent($$"""{"status":"left","date":"{{today}}","reason":"career"}""", Encoding.UTF8, "application/json"))
        using (var response = await client.PostAsync(outcome, content))
        {
            response.EnsureSuccessStatusCode();
        }

        var (changed, changedPeak, _) = await TimedAsync(client, url);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dashboard: first request after one outcome (recomputed) {changed:N0} ms wall ({LastCpuMilliseconds:N0} ms CPU); peak RSS {changedPeak:N0} MB"));
        Console.WriteLine($"dashboard: warm again {(await WarmAsync(client, url, warmRequests)).Summary()}");

        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dashboard: RSS {Machine.ResidentMegabytes():N0} MB after an aggressive GC (the cached report stays; the records do not); load average {Machine.LoadAverage()}"));
    }

    /// <summary>The two halves of a cold request, without HTTP: the store's bulk read, then the computation.</summary>
    private static async Task PartsAsync(IServiceProvider services, string employerId)
    {
        var source = services.GetRequiredService<IRetentionRecordSource>();
        var watch = Stopwatch.StartNew();
        var cpu = Cpu();
        var set = await source.ReadAsync(employerId, CancellationToken.None);
        var read = watch.Elapsed.TotalMilliseconds;
        var readCpu = Cpu() - cpu;
        var held = Machine.ResidentMegabytes();
        watch.Restart();
        cpu = Cpu();
        DashboardReport.Compute(set.Records, new DashboardQuery { EmployerId = employerId, To = services.GetRequiredService<RetentionClock>().Today });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dashboard: {source.GetType().Name}.ReadAsync {set.Records.Count:N0} records in {read:N0} ms wall ({readCpu:N0} ms process CPU; RSS {held:N0} MB holding them); compute {watch.Elapsed.TotalMilliseconds:N0} ms wall ({Cpu() - cpu:N0} ms CPU)"));
    }

    /// <summary>Process CPU of the last timed request (includes the sampler and the dispatcher, both small), to read beside wall time on a loaded machine.</summary>
    private static double LastCpuMilliseconds { get; set; }

    private static double Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static async Task<Latencies> WarmAsync(HttpClient client, Uri url, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            times.Add((await TimedAsync(client, url)).Milliseconds);
        }

        return new Latencies(times);
    }

    private static async Task<(double Milliseconds, double PeakMegabytes, string Enrolled)> TimedAsync(HttpClient client, Uri url)
    {
        using var stop = new CancellationTokenSource();
        var peak = Machine.ResidentMegabytes();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Machine.ResidentMegabytes());
                await Task.Delay(20, CancellationToken.None);
            }
        });
        var watch = Stopwatch.StartNew();
        var cpu = Cpu();
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        LastCpuMilliseconds = Cpu() - cpu;
        await stop.CancelAsync();
        await sampler;
        response.EnsureSuccessStatusCode();
        var enrolled = System.Text.Json.Nodes.JsonNode.Parse(body)?["counts"]?["enrolled"]?["value"]?.ToString() ?? "?";
        return (elapsed, Math.Max(peak, Machine.ResidentMegabytes()), enrolled);
    }
}
