using System.Diagnostics;
using Retention.Core.Email;
using Retention.Testing.Fakes;

namespace Retention.Email.Tests;

public sealed class RateLimitedEmailSenderTests
{
    [Fact]
    public async Task Answers_throttled_with_a_retry_after_once_the_minute_is_used_up()
    {
        var inner = new RecordingEmailSender();
        using var sender = new RateLimitedEmailSender(inner, new EmailRateLimitOptions { PerMinute = 3, MaxWait = TimeSpan.Zero });

        var results = new List<EmailSendResult>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await sender.SendAsync(TestMessages.Nudge(), $"k{i}", CancellationToken.None));
        }

        Assert.All(results.Take(3), r => Assert.Equal(EmailSendStatus.Sent, r.Status));
        Assert.Equal(EmailSendStatus.Throttled, results[3].Status);
        Assert.InRange(results[3].RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Equal(3, inner.Calls.Count);
    }

    [Fact]
    public async Task Honours_the_hourly_limit_without_spending_the_minute()
    {
        var inner = new RecordingEmailSender();
        using var sender = new RateLimitedEmailSender(inner, new EmailRateLimitOptions { PerMinute = 30, PerHour = 2, MaxWait = TimeSpan.Zero });

        await sender.SendAsync(TestMessages.Nudge(), "k1", CancellationToken.None);
        await sender.SendAsync(TestMessages.Nudge(), "k2", CancellationToken.None);
        var third = await sender.SendAsync(TestMessages.Nudge(), "k3", CancellationToken.None);

        Assert.Equal(EmailSendStatus.Throttled, third.Status);
        Assert.InRange(third.RetryAfter!.Value, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
        Assert.Equal(2, inner.Calls.Count);
    }

    [Fact]
    public async Task Waits_for_a_permit_that_comes_within_the_allowed_wait()
    {
        // 30 a minute: one permit every 2 s. The permits refill on a timer, so whether the 31st send has to
        // wait depends on how long draining took; the wait is asserted only when no permit can have come yet.
        var inner = new RecordingEmailSender();
        var drain = Stopwatch.StartNew();
        using var sender = new RateLimitedEmailSender(inner, new EmailRateLimitOptions { PerMinute = 30, MaxWait = TimeSpan.FromSeconds(5) });
        for (var i = 0; i < 30; i++)
        {
            await sender.SendAsync(TestMessages.Nudge(), $"k{i}", CancellationToken.None);
        }

        var drained = drain.Elapsed;
        var wait = Stopwatch.StartNew();
        var next = await sender.SendAsync(TestMessages.Nudge(), "k30", CancellationToken.None);

        Assert.Equal(EmailSendStatus.Sent, next.Status);
        Assert.Equal(31, inner.Calls.Count);
        if (drained < TimeSpan.FromSeconds(1.5))
        {
            Assert.True(wait.Elapsed > TimeSpan.FromMilliseconds(200), $"sent after {wait.Elapsed} without waiting for a permit");
        }
    }

    [Fact]
    public async Task Passes_the_providers_own_throttling_through()
    {
        var inner = new RecordingEmailSender().Then(EmailSendResult.Throttled(TimeSpan.FromSeconds(9), "429"));
        using var sender = new RateLimitedEmailSender(inner, new EmailRateLimitOptions { PerMinute = 30 });

        var result = await sender.SendAsync(TestMessages.Nudge(), "k", CancellationToken.None);

        Assert.Equal(EmailSendStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(9), result.RetryAfter);
    }
}
