extern alias functions;

using System.Text.Json.Nodes;
using functions::Retention.Functions.Messaging;
using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Messaging;

namespace Retention.Functions.Tests;

/// <summary>The Service Bus scheduler against a sender that records what it would have sent.</summary>
public sealed class ServiceBusNudgeSchedulerTests
{
    private static readonly Instant Monday = Instant.FromUtc(2027, 3, 1, 8, 0);

    private readonly RecordingServiceBusSender sender = new();

    private ServiceBusNudgeScheduler Scheduler => new(sender);

    [Fact]
    public async Task Each_nudge_is_scheduled_for_its_fire_time_with_its_message_id_and_gets_its_sequence_number_as_handle()
    {
        var welcome = Nudge("n-welcome", Monday);
        var retry = Nudge("n-retry", Monday) with { NextAttemptAt = Monday + Duration.FromHours(2), PlanRevision = 3 };

        var scheduled = await Scheduler.ScheduleAsync([welcome, retry], CancellationToken.None);

        Assert.Equal([Monday.ToDateTimeOffset(), (Monday + Duration.FromHours(2)).ToDateTimeOffset()], sender.Scheduled.Select(s => s.EnqueueAt));
        var messages = sender.Scheduled.SelectMany(s => s.Messages).ToList();
        Assert.Equal(["n-welcome@0", "n-retry@3"], messages.Select(m => m.MessageId));
        Assert.All(messages, m =>
        {
            Assert.Equal(NudgeMessage.ContentType, m.ContentType);
            Assert.Equal(NudgeMessage.Subject, m.Subject);
            Assert.Equal("acme", m.ApplicationProperties["employerId"]);
        });
        var body = JsonNode.Parse(messages[1].Body.ToString())!;
        Assert.Equal("n-retry", (string?)body["nudgeId"]);
        Assert.Equal(3, (int?)body["planRevision"]);
        Assert.Equal(sender.Scheduled.SelectMany(s => s.SequenceNumbers).Cast<long?>(), scheduled.Select(n => n.SchedulerHandle));
        Assert.Equal(["n-welcome", "n-retry"], scheduled.Select(n => n.Id));
    }

    [Fact]
    public async Task Nudges_firing_at_one_time_go_in_batches_of_at_most_the_message_limit()
    {
        var nudges = Enumerable.Range(0, ScheduleBatchLimits.Default.MaxMessages + 5).Select(i => Nudge("n-" + i, Monday)).ToList();

        var scheduled = await Scheduler.ScheduleAsync(nudges, CancellationToken.None);

        Assert.Equal([ScheduleBatchLimits.Default.MaxMessages, 5], sender.Scheduled.Select(s => s.Messages.Count));
        Assert.All(sender.Scheduled, s => Assert.Equal(Monday.ToDateTimeOffset(), s.EnqueueAt));
        Assert.Equal(nudges.Count, scheduled.Select(n => n.SchedulerHandle).Distinct().Count());
    }

    [Fact]
    public async Task Cancel_sends_the_stored_sequence_numbers_and_skips_nudges_never_scheduled()
    {
        var nudges = Enumerable.Range(0, ScheduleBatchLimits.Default.MaxMessages + 1)
            .Select(i => Nudge("n-" + i, Monday) with { SchedulerHandle = 5000 + i })
            .Append(Nudge("n-unscheduled", Monday))
            .ToList();

        await Scheduler.CancelAsync(nudges, CancellationToken.None);

        Assert.Equal([ScheduleBatchLimits.Default.MaxMessages, 1], sender.Cancelled.Select(c => c.Count));
        Assert.Equal(Enumerable.Range(0, ScheduleBatchLimits.Default.MaxMessages + 1).Select(i => 5000L + i), sender.Cancelled.SelectMany(c => c));
    }

    [Fact]
    public async Task A_reschedule_is_a_new_message_with_the_next_reschedule_number_at_the_given_time()
    {
        var at = Monday + Duration.FromMinutes(17);

        var sequenceNumber = await Scheduler.RescheduleAsync(new NudgeMessage("acme", "n-welcome", 2, Reschedules: 1), at, CancellationToken.None);

        var (enqueueAt, messages, sequenceNumbers) = Assert.Single(sender.Scheduled);
        Assert.Equal(at.ToDateTimeOffset(), enqueueAt);
        Assert.Equal("n-welcome@2~2", Assert.Single(messages).MessageId);
        Assert.Equal(sequenceNumbers[0], sequenceNumber);
    }

    private static Nudge Nudge(string id, Instant dueAt) => new()
    {
        Id = id,
        EmployerId = "acme",
        EnrollmentId = "e-1",
        Kind = "welcome",
        Audience = Audience.Newcomer,
        DueAt = dueAt,
        Reason = "test",
        MessageKey = "welcome",
    };
}
