using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Retention.Core.Diagnostics;
using Retention.Core.Dispatch;
using Retention.Core.Enrollments;
using Retention.Core.Tests.Dispatch;
using Retention.Testing;
using Retention.Testing.Fakes;

namespace Retention.Core.Tests.Diagnostics;

/// <summary>Dispatch records what it did where it does it: a send with its lateness, a skip with its reason category.</summary>
public sealed class DispatchMetricsTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(DispatchScenario.Start);
    private readonly InMemoryNudgeStore nudges = new();
    private readonly InMemoryEnrollmentStore enrollments = new();
    private readonly TestMeterFactory meters = new();
    private readonly RecordedMeasurements recorded;
    private readonly CoreServices core;

    public DispatchMetricsTests()
    {
        recorded = new RecordedMeasurements(meters);
        var metrics = new RetentionMetrics(meters, clock, new InMemoryDueNudgeQueue(nudges));
        core = new CoreServices(enrollments, nudges, new InMemoryEventStore(), new InMemoryUnsubscribeStore(), clock, metrics: metrics);
    }

    [Fact]
    public async Task A_send_counts_one_sent_nudge_of_its_kind_and_records_how_late_it_went_out()
    {
        enrollments.Seed(DispatchScenario.Enrollment());
        nudges.Seed(DispatchScenario.Nudge("n1"));
        clock.Advance(TimeSpan.FromSeconds(90));

        var outcome = await core.Dispatcher.DispatchAsync(DispatchScenario.EmployerId, "n1", CancellationToken.None);

        Assert.Equal(DispatchResult.Sent, outcome.Result);
        var sent = Assert.Single(recorded.Of(RetentionMetrics.NudgesSent));
        Assert.Equal(1, sent.Value);
        Assert.Equal("welcome-lunch", sent.Tags["kind"]);
        var late = Assert.Single(recorded.Of(RetentionMetrics.DispatchLateness));
        Assert.Equal(90, late.Value, precision: 3);
        Assert.Empty(recorded.Of(RetentionMetrics.NudgesSkipped));
    }

    [Fact]
    public async Task A_replay_of_a_sent_nudge_counts_nothing_again()
    {
        enrollments.Seed(DispatchScenario.Enrollment());
        nudges.Seed(DispatchScenario.Nudge("n1"));
        await core.Dispatcher.DispatchAsync(DispatchScenario.EmployerId, "n1", CancellationToken.None);

        await core.Dispatcher.DispatchAsync(DispatchScenario.EmployerId, "n1", CancellationToken.None);

        Assert.Single(recorded.Of(RetentionMetrics.NudgesSent));
        Assert.Single(recorded.Of(RetentionMetrics.DispatchLateness));
    }

    [Fact]
    public async Task A_skip_counts_one_skipped_nudge_with_its_reason_category_not_its_words()
    {
        enrollments.Seed(DispatchScenario.Enrollment() with { Status = EnrollmentStatus.Paused });
        nudges.Seed(DispatchScenario.Nudge("n1"));

        var outcome = await core.Dispatcher.DispatchAsync(DispatchScenario.EmployerId, "n1", CancellationToken.None);

        Assert.Equal(DispatchResult.Skipped, outcome.Result);
        var skipped = Assert.Single(recorded.Of(RetentionMetrics.NudgesSkipped));
        Assert.Equal("welcome-lunch", skipped.Tags["kind"]);
        Assert.Equal(SkipCategories.NotActive, skipped.Tags["reason"]);
        Assert.Empty(recorded.Of(RetentionMetrics.NudgesSent));
        Assert.Empty(recorded.Of(RetentionMetrics.DispatchLateness));
    }

    [Fact]
    public async Task The_due_gauge_reports_the_last_count_of_due_nudges()
    {
        nudges.Seed(DispatchScenario.Nudge("due"), DispatchScenario.Nudge("later") with { DueAt = Instant.FromDateTimeOffset(DispatchScenario.Start) + Duration.FromDays(1) });

        // The first observation starts the count; the next one reports it.
        recorded.Collect();
        await WaitForAsync(() => { recorded.Collect(); return recorded.Of(RetentionMetrics.NudgesDue).Count > 0; });

        Assert.Equal(1, recorded.Of(RetentionMetrics.NudgesDue)[^1].Value);
    }

    public void Dispose()
    {
        recorded.Dispose();
        meters.Dispose();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }
    }
}
