using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Storage;
using Retention.Server.Dispatching;
using Retention.Testing.Fakes;

namespace Retention.Server.Tests.Dispatching;

public sealed class DueQueueDispatcherServiceTests
{
    [Fact]
    public async Task Sends_every_due_nudge_in_one_poll_and_releases_the_claims()
    {
        await using var harness = new DispatchingHarness();
        foreach (var i in Enumerable.Range(0, 6))
        {
            harness.SeedNudge($"n{i}");
        }

        harness.SeedNudge("later", TimeSpan.FromHours(1));

        var poll = await harness.Service.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new DuePollResult(6, 6), poll);
        Assert.Equal(6, harness.Sender.Calls.Count);
        Assert.Equal(6, harness.Queue.ReleaseCount);
        Assert.Equal(NudgeStatus.Scheduled, harness.StatusOf("later"));
    }

    [Fact]
    public async Task Keeps_going_when_one_nudge_throws()
    {
        await using var broken = new DispatchingHarness(decorateEnrollments: inner => new FailingEnrollmentStore(inner, "enr-broken"));
        broken.Enrollments.Seed(DispatchingHarness.Enrollment("enr-broken"));
        broken.SeedNudge("good");
        broken.SeedNudge("bad", enrollmentId: "enr-broken");

        var poll = await broken.Service.RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, poll.Claimed);
        Assert.Equal(NudgeStatus.Sent, broken.StatusOf("good"));
        Assert.Equal(NudgeStatus.Scheduled, broken.StatusOf("bad"));
        Assert.Equal(2, broken.Queue.ReleaseCount);
    }

    [Fact]
    public async Task Sends_a_nudge_when_the_clock_reaches_it_and_stops_cleanly()
    {
        await using var harness = new DispatchingHarness();
        harness.SeedNudge("soon", TimeSpan.FromMinutes(1));
        harness.Queue.FailNextClaim = new InvalidOperationException("database is locked");
        var service = harness.Provider.GetServices<IHostedService>().Single();

        await service.StartAsync(CancellationToken.None);
        var sent = await AdvanceUntilAsync(harness, () => harness.StatusOf("soon") == NudgeStatus.Sent);
        var stop = service.StopAsync(CancellationToken.None);
        var stopped = await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(5))) == stop;

        Assert.True(sent, "the nudge was not sent after the clock passed its due time");
        Assert.True(stopped, "the service did not stop");
        Assert.True(harness.Clock.GetUtcNow() >= DispatchingHarness.Start.AddMinutes(1));
        Assert.Single(harness.Sender.Calls);
    }

    [Fact]
    public async Task Polls_again_at_once_after_a_full_batch()
    {
        await using var harness = new DispatchingHarness(new() { ["Retention:Dispatch:Queue:BatchSize"] = "3" });
        foreach (var i in Enumerable.Range(0, 7))
        {
            harness.SeedNudge($"n{i}");
        }

        var service = harness.Provider.GetServices<IHostedService>().Single();
        await service.StartAsync(CancellationToken.None);

        // No clock advance: only the immediate re-polls after full batches can send all seven.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (harness.Sender.Calls.Count < 7 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await service.StopAsync(CancellationToken.None);
        Assert.Equal(7, harness.Sender.Calls.Count);
    }

    [Fact]
    public async Task Refuses_invalid_queue_settings_naming_the_setting()
    {
        await using var harness = new DispatchingHarness(new() { ["Retention:Dispatch:Queue:PollInterval"] = "00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Provider.GetRequiredService<IOptions<DueQueueDispatcherOptions>>().Value);

        Assert.Contains("Retention:Dispatch:Queue:PollInterval", error.Message, StringComparison.Ordinal);
    }

    private static async Task<bool> AdvanceUntilAsync(DispatchingHarness harness, Func<bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            harness.Clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }

        return true;
    }

    /// <summary>An enrolment store whose reads of one enrolment throw, as a corrupt row would.</summary>
    private sealed class FailingEnrollmentStore(InMemoryEnrollmentStore inner, string brokenId) : IEnrollmentStore
    {
        public Task<(Enrollment Enrollment, bool Created)> CreateAsync(Enrollment enrollment, IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken) =>
            inner.CreateAsync(enrollment, nudges, cancellationToken);

        public Task<Enrollment?> GetAsync(string employerId, string enrollmentId, CancellationToken cancellationToken) =>
            enrollmentId == brokenId ? throw new FormatException("corrupt row") : inner.GetAsync(employerId, enrollmentId, cancellationToken);

        public Task<Enrollment?> FindByExternalIdAsync(string employerId, string externalId, CancellationToken cancellationToken) =>
            inner.FindByExternalIdAsync(employerId, externalId, cancellationToken);

        public Task<Page<Enrollment>> ListAsync(string employerId, EnrollmentStatus? status, string? cursor, int limit, CancellationToken cancellationToken) =>
            inner.ListAsync(employerId, status, cursor, limit, cancellationToken);

        public Task<Enrollment?> TryUpdateAsync(Enrollment enrollment, CancellationToken cancellationToken) =>
            inner.TryUpdateAsync(enrollment, cancellationToken);
    }
}
