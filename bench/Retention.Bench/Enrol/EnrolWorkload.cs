using System.Globalization;

namespace Retention.Bench.Enrol;

/// <summary>
/// <c>enrol [--count N] [--clients C] [--rate R] [--raw-only]</c>: the real server on Kestrel over SQLite, C concurrent
/// clients posting N enrolments (or an open loop at R/s when --rate is given), then the same rows straight into SQLite
/// through the store and as raw prepared INSERTs (each on a fresh file).
/// </summary>
public static class EnrolWorkload
{
    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = BenchArgs.Smoke(args);
        var count = BenchArgs.Int(args, "--count", smoke ? 300 : 20_000);
        var clients = BenchArgs.Int(args, "--clients", smoke ? 4 : 16);
        var rate = BenchArgs.Double(args, "--rate", 0);
        var scratch = Machine.ScratchDirectory("enrol");
        Console.WriteLine($"enrol: {count:N0} enrolments, {(rate > 0 ? $"open loop at {rate:N0}/s" : $"{clients} concurrent clients")}; scratch {scratch}; {Machine.Describe()}");
        var rows = EnrolmentRows.Generate(count);
        var journeys = SqliteCeiling.Plan(rows);
        Console.WriteLine($"enrol: {journeys.Sum(j => j.Count):N0} nudges planned with the rows ({journeys.Sum(j => j.Count) / (double)count:F1} per enrolment)");
        try
        {
            double? httpRate = null;
            if (!BenchArgs.Flag(args, "--raw-only"))
            {
                httpRate = await HttpAsync(Path.Combine(scratch, "server"), rows, clients, rate);
                if (httpRate is null)
                {
                    return 1;
                }
            }

            Console.WriteLine("enrol: same rows through SqliteEnrollmentStore.CreateAsync, one thread, fresh file");
            var store = await SqliteCeiling.StoreAsync(Path.Combine(scratch, "store.db"), rows, journeys);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {count / store:N0} enrolments/s ({store:F2} s)"));
            Console.WriteLine("enrol: same rows as raw prepared INSERTs, one transaction per enrolment, fresh file");
            var raw = await SqliteCeiling.RawAsync(Path.Combine(scratch, "raw.db"), rows, journeys);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw: {count / raw:N0} enrolments/s ({raw:F2} s)"));
            // Only a closed loop measures what the server can do; an open loop's rate is whatever was offered.
            if (httpRate is { } http && rate <= 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"enrol: HTTP is {http / (count / raw):P0} of the raw SQLite ceiling, {http / (count / store):P0} of the store's own rate (target ≥ 50% of raw)"));
            }

            Console.WriteLine($"enrol: load average at the end {Machine.LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<double?> HttpAsync(string dataDirectory, EnrolmentRows rows, int clients, double rate)
    {
        var settings = new Dictionary<string, string> { ["Retention:Dispatch:Enabled"] = "false" };
        await using var server = await BenchServer.StartAsync(dataDirectory, settings);
        var key = await server.CreateKeyAsync(EnrolmentRows.EmployerId);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = rate > 0 ? 256 : clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var load = new HttpLoad(client, $"/api/v1/employers/{EnrolmentRows.EmployerId}/enrollments");

        // Warm-up on rows the measured run does not use: JIT, connection pool, SQLite page cache.
        var warmup = EnrolmentRows.Generate(Math.Min(200, rows.Bodies.Length), seed: 99);
        var warmBodies = warmup.Bodies.Select(b => System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(b).Replace("\"HR-", "\"WARM-", StringComparison.Ordinal))).ToArray();
        await load.ClosedLoopAsync(warmBodies, clients);

        Console.WriteLine($"enrol: server at {server.Address}, measured run starts (load average {Machine.LoadAverage()})");
        var (seconds, latencies, failures) = rate > 0
            ? await load.FixedRateAsync(rows.Bodies, rate)
            : await load.ClosedLoopAsync(rows.Bodies, clients);
        var throughput = rows.Bodies.Length / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"http: {throughput:N0} enrolments/s over {seconds:F2} s, {failures:N0} not 201; latency {latencies.Summary()}; server RSS {Machine.ResidentMegabytes():N0} MB (client in the same process)"));
        if (rate > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"http: p99 {latencies.Percentile(99):F0} ms offered {rate:N0}/s (target p99 ≤ 50 ms at 500/s{(rate >= 500 ? (latencies.Percentile(99) <= 50 ? ": met" : ": NOT met") : "; this rate is below it")})"));
        }
        else
        {
            Console.WriteLine($"http: target ≥ 1,000/s: {(throughput >= 1000 ? "met" : "NOT met")}");
        }

        return failures == 0 ? throughput : null;
    }
}
