using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Retention.Core.Application;
using Retention.Core.Content;
using Retention.Core.Diagnostics;
using Retention.Core.Regions;
using Retention.Testing;
using Retention.Testing.Fakes;

namespace Retention.Core.Tests.Diagnostics;

/// <summary>Each feed fetch counts once, by how it ended: new content, a 304, or a failure.</summary>
public sealed class FeedRefreshMetricsTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 3, 4, 8, 0, 0, TimeSpan.Zero));
    private readonly TestMeterFactory meters = new();
    private readonly RecordedMeasurements recorded;
    private readonly ScriptedFeeds feeds = new();
    private readonly RegionService regions;

    public FeedRefreshMetricsTests()
    {
        recorded = new RecordedMeasurements(meters);
        var store = new InMemoryRegionStore();
        regions = new RegionService(store, feeds, new RegionalContentSnapshot(store, clock), new RetentionClock(clock), new RetentionMetrics(meters, clock));
    }

    [Fact]
    public async Task A_first_fetch_a_304_and_a_failure_count_ok_not_modified_and_failed()
    {
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        Assert.NotNull((await regions.PutAsync(SampleRegions.HaugalandetId, SampleRegions.HaugalandetDocument(now), CancellationToken.None)).Value);
        Assert.NotNull((await regions.PutFeedAsync(SampleRegions.HaugalandetId, "swim", "https://feeds.example/swim.ics", "Haugesund", CancellationToken.None)).Value);
        feeds.Next = ScriptedFeeds.Answer.NotModified;
        await regions.RefreshAsync(SampleRegions.HaugalandetId, "swim", CancellationToken.None);
        feeds.Next = ScriptedFeeds.Answer.Fails;
        await regions.RefreshAsync(SampleRegions.HaugalandetId, "swim", CancellationToken.None);

        var outcomes = recorded.Of(RetentionMetrics.FeedRefreshes).Select(m => m.Tags["outcome"]).ToList();

        Assert.Equal([FeedRefreshOutcomes.Ok, FeedRefreshOutcomes.NotModified, FeedRefreshOutcomes.Failed], outcomes);
    }

    public void Dispose()
    {
        recorded.Dispose();
        meters.Dispose();
    }

    /// <summary>Answers each fetch as told, the way the real fetcher shapes its answers.</summary>
    private sealed class ScriptedFeeds : IRegionFeedSource
    {
        public enum Answer
        {
            Fresh,
            NotModified,
            Fails,
        }

        public Answer Next { get; set; } = Answer.Fresh;

        public string? Refuse(string url) => null;

        public Task<RegionFeed> FetchAsync(RegionFeed feed, DateTimeZone regionZone, Interval horizon, CancellationToken cancellationToken)
        {
            var now = horizon.Start + Duration.FromDays(1);
            return Task.FromResult(Next switch
            {
                Answer.Fresh => feed with { ETag = "\"v1\"", Events = new List<LocalEvent>(), LastAttemptAt = now, LastSuccessAt = now, LastError = null },
                Answer.NotModified => feed with { LastAttemptAt = now, LastSuccessAt = now, LastError = null },
                _ => feed with { LastAttemptAt = now, LastError = "connection refused" },
            });
        }
    }
}
