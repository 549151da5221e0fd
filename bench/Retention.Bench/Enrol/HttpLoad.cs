using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Retention.Bench.Enrol;

/// <summary>
/// Posts enrolment bodies to the server: closed loop (C clients, each posts its next body when the last returned)
/// or open loop at a fixed rate (request i is due at i/R s; latency counts from when it was due, so a stall is not hidden).
/// </summary>
public sealed class HttpLoad(HttpClient client, string path)
{
    public async Task<(double Seconds, Latencies Latencies, int Failures)> ClosedLoopAsync(byte[][] bodies, int clients)
    {
        var latencies = new double[bodies.Length];
        var next = -1;
        var failures = 0;
        var done = 0;
        var watch = Stopwatch.StartNew();
        using var progress = Progress(() => Volatile.Read(ref done), bodies.Length, watch);
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await PostAsync(bodies[i]))
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Increment(ref done);
            }
        }).ToList();
        await Task.WhenAll(workers);
        return (watch.Elapsed.TotalSeconds, new Latencies(latencies), failures);
    }

    public async Task<(double Seconds, Latencies Latencies, int Failures)> FixedRateAsync(byte[][] bodies, double rate)
    {
        var latencies = new double[bodies.Length];
        var failures = 0;
        var done = 0;
        var tasks = new List<Task>(bodies.Length);
        var watch = Stopwatch.StartNew();
        using var progress = Progress(() => Volatile.Read(ref done), bodies.Length, watch);
        for (var i = 0; i < bodies.Length; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - watch.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                if (!await PostAsync(bodies[index]))
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[index] = (watch.Elapsed - due).TotalMilliseconds;
                Interlocked.Increment(ref done);
            }));
        }

        await Task.WhenAll(tasks);
        return (watch.Elapsed.TotalSeconds, new Latencies(latencies), failures);
    }

    private async Task<bool> PostAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(path, content);
        return response.StatusCode == HttpStatusCode.Created;
    }

    /// <summary>A line a second while the load runs.</summary>
    internal static Timer Progress(Func<int> done, int total, Stopwatch watch) => new(_ =>
    {
        var count = done();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {count,9:N0}/{total:N0}  {watch.Elapsed.TotalSeconds,6:F1} s  {count / watch.Elapsed.TotalSeconds,8:N0}/s"));
    }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
}
