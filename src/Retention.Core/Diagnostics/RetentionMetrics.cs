using System.Diagnostics.Metrics;
using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Scheduling;

namespace Retention.Core.Diagnostics;

/// <summary>
/// The product's metrics on one <see cref="Meter"/> (<see cref="MeterName"/>): what is planned, sent, failed, skipped
/// and late, how feed refreshes go, and how deep the due-queue is. Core only records; a host chooses an exporter
/// (the server's OpenTelemetry) by listening to this meter. Every instrument name is written here once.
/// </summary>
public sealed class RetentionMetrics
{
    public const string MeterName = "Retention";

    public const string NudgesPlanned = "retention.nudges.planned";
    public const string NudgesSent = "retention.nudges.sent";
    public const string NudgesFailed = "retention.nudges.failed";
    public const string NudgesSkipped = "retention.nudges.skipped";
    public const string FeedRefreshes = "retention.feed.refreshes";
    public const string DispatchLateness = "retention.nudge.dispatch.lateness";
    public const string NudgesDue = "retention.nudges.due";

    /// <summary>Counting the due-queue costs a query: a scrape reuses a sample this young rather than asking again.</summary>
    public static readonly TimeSpan DueSampleAge = TimeSpan.FromSeconds(5);

    // Lateness runs from seconds (a healthy poll) to days (a host that was down): buckets over that range.
    private static readonly double[] LatenessBuckets = [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 24 * 3600, 7 * 24 * 3600];

    private readonly Counter<long> planned;
    private readonly Counter<long> sent;
    private readonly Counter<long> failed;
    private readonly Counter<long> skipped;
    private readonly Counter<long> feedRefreshes;
    private readonly Histogram<double> lateness;
    private readonly IDueNudgeQueue? dueQueue;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private long? dueDepth;
    private long? dueSampledAtTicks;
    private bool dueSampling;

    /// <param name="meterFactory">The host's factory, so the meter lives and dies with the host's container.</param>
    /// <param name="time">The clock that says which nudges are due.</param>
    /// <param name="dueQueue">The self-hosted due-queue, counted for <see cref="NudgesDue"/>; null where nudges fire by scheduled messages.</param>
    public RetentionMetrics(IMeterFactory meterFactory, TimeProvider time, IDueNudgeQueue? dueQueue = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.dueQueue = dueQueue;
        var meter = meterFactory.Create(MeterName);
        planned = meter.CreateCounter<long>(NudgesPlanned, "{nudge}", "Nudges planned (stored as scheduled), by kind and audience.");
        sent = meter.CreateCounter<long>(NudgesSent, "{nudge}", "Nudges recorded as sent, by kind.");
        failed = meter.CreateCounter<long>(NudgesFailed, "{nudge}", "Nudges that failed for good, by kind.");
        skipped = meter.CreateCounter<long>(NudgesSkipped, "{nudge}", "Nudges skipped at send time, by kind and reason category.");
        feedRefreshes = meter.CreateCounter<long>(FeedRefreshes, "{refresh}", "Region feed fetches, by outcome (ok, not-modified, failed).");
        lateness = meter.CreateHistogram(
            DispatchLateness,
            "s",
            "Seconds from a nudge's due time to its send.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatenessBuckets });
        meter.CreateObservableGauge(NudgesDue, ObserveDue, "{nudge}", "Nudges due and not yet sent (the self-hosted due-queue), sampled at most every few seconds.");
    }

    public void Planned(Nudge nudge)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        planned.Add(1, new("kind", nudge.Kind), new("audience", AudienceTag(nudge.Audience)));
    }

    /// <summary>A nudge went out at <paramref name="sentAt"/>: counted, and its lateness against its due time.</summary>
    public void Sent(Nudge nudge, Instant sentAt)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        var kind = new KeyValuePair<string, object?>("kind", nudge.Kind);
        sent.Add(1, kind);
        // Early sends (clock skew, the tolerance of a message delivered a little early) are on time, not negative.
        lateness.Record(Math.Max(0, (sentAt - nudge.DueAt).TotalSeconds), kind);
    }

    public void Failed(Nudge nudge)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        failed.Add(1, new KeyValuePair<string, object?>("kind", nudge.Kind));
    }

    /// <param name="category">One of <see cref="SkipCategories"/>: never the reason in words, which may name a municipality.</param>
    public void Skipped(Nudge nudge, string category)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        skipped.Add(1, new("kind", nudge.Kind), new("reason", category));
    }

    /// <param name="outcome">One of <see cref="FeedRefreshOutcomes"/>.</param>
    public void FeedRefreshed(string outcome) => feedRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private static string AudienceTag(Audience audience) => audience.ToString().ToLowerInvariant();

    /// <summary>Reports the last sample and, when it is older than <see cref="DueSampleAge"/>, starts one count in the background.</summary>
    private IEnumerable<Measurement<long>> ObserveDue()
    {
        if (dueQueue is null)
        {
            return [];
        }

        // The sample's age is wall time (the demo's clock runs faster); what is due is the application's clock.
        var ticks = Environment.TickCount64;
        long? last;
        bool sample;
        lock (gate)
        {
            last = dueDepth;
            sample = !dueSampling && (dueSampledAtTicks is not { } at || ticks - at >= (long)DueSampleAge.TotalMilliseconds);
            if (sample)
            {
                dueSampling = true;
                dueSampledAtTicks = ticks;
            }
        }

        if (sample)
        {
            // Never awaited: a scrape must not wait for the store; it reports this count from the next scrape on.
            _ = SampleDueAsync(time.GetUtcNow());
        }

        return last is { } depth ? [new Measurement<long>(depth)] : [];
    }

    private async Task SampleDueAsync(DateTimeOffset now)
    {
        try
        {
            var count = await dueQueue!.CountDueAsync(Instant.FromDateTimeOffset(now), CancellationToken.None).ConfigureAwait(false);
            lock (gate)
            {
                dueDepth = count;
            }
        }
        catch (Exception)
        {
            // A failed count leaves the last sample standing; the next scrape after the sample age tries again.
        }
        finally
        {
            lock (gate)
            {
                dueSampling = false;
            }
        }
    }
}
