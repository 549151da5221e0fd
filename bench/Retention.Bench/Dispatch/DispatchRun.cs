using System.Globalization;
using NodaTime;

namespace Retention.Bench.Dispatch;

/// <summary>One engine's result: when each of N messages was due and when its send returned.</summary>
public sealed record DispatchRun(string Engine, Instant[] Due, Instant?[] Sent)
{
    public int SentCount => Sent.Count(s => s is not null);

    /// <summary>Messages per second from the first due instant to the last send.</summary>
    public double Throughput => SentCount == 0 ? 0 : SentCount / (Sent.Max(s => s ?? Instant.MinValue) - Due.Min()).TotalSeconds;

    public Latencies Lateness => new(Due.Zip(Sent).Where(p => p.Second is not null).Select(p => (p.Second!.Value - p.First).TotalMilliseconds));

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{Engine}: {SentCount:N0}/{Due.Length:N0} sent, {Throughput:N0} messages/s; lateness (send returned − due) {Lateness.Summary()}");

    /// <summary>Waits until every message is sent or the timeout passes, printing progress each second.</summary>
    public static async Task WaitAsync(Func<int> sent, int total, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var last = 0;
        while (sent() < total && watch.Elapsed < timeout)
        {
            await Task.Delay(1000);
            var now = sent();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {now,9:N0}/{total:N0} sent  {watch.Elapsed.TotalSeconds,6:F0} s  {now - last,7:N0}/s  RSS {Machine.ResidentMegabytes():N0} MB"));
            last = now;
        }
    }
}
