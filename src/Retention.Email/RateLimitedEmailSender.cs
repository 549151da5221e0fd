using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Retention.Core.Email;

namespace Retention.Email;

/// <summary>
/// Holds sends to the provider's rate with token buckets per minute and per hour (refilled smoothly). A send
/// waits for a permit only when one comes within <see cref="EmailRateLimitOptions.MaxWait"/>; otherwise it answers
/// throttled with the limiter's retry-after, so the dispatcher reschedules instead of blocking for minutes.
/// </summary>
public sealed class RateLimitedEmailSender : IEmailSender, IDisposable
{
    private readonly IEmailSender inner;
    private readonly TimeSpan maxWait;
    private readonly ILogger logger;
    private readonly List<TokenBucketRateLimiter> limiters = [];

    public RateLimitedEmailSender(IEmailSender inner, EmailRateLimitOptions options, ILogger<RateLimitedEmailSender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.inner = inner;
        maxWait = options.MaxWait;
        this.logger = logger ?? NullLogger<RateLimitedEmailSender>.Instance;
        if (options.PerMinute is { } perMinute)
        {
            limiters.Add(Bucket(perMinute, TimeSpan.FromMinutes(1)));
        }

        if (options.PerHour is { } perHour)
        {
            limiters.Add(Bucket(perHour, TimeSpan.FromHours(1)));
        }
    }

    public async Task<EmailSendResult> SendAsync(MimeMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var retryAfter = TryTakePermits();
            if (retryAfter is null)
            {
                return await inner.SendAsync(message, idempotencyKey, cancellationToken);
            }

            if (waited + retryAfter.Value > maxWait)
            {
                EmailLog.RateLimited(logger, retryAfter.Value);
                return EmailSendResult.Throttled(retryAfter, "send rate limit");
            }

            await Task.Delay(retryAfter.Value, cancellationToken);
            waited += retryAfter.Value;
        }
    }

    public void Dispose()
    {
        foreach (var limiter in limiters)
        {
            limiter.Dispose();
        }
    }

    private static TokenBucketRateLimiter Bucket(int permits, TimeSpan window)
    {
        // Refill one token at a time when that is at least a second apart, else in one-second portions,
        // so a high rate does not mean a timer firing every few microseconds.
        var period = window / permits >= TimeSpan.FromSeconds(1) ? window / permits : TimeSpan.FromSeconds(1);
        var tokensPerPeriod = (int)Math.Ceiling(permits * period.TotalSeconds / window.TotalSeconds);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>Takes one permit from every bucket, or none and returns the longest wait.</summary>
    private TimeSpan? TryTakePermits()
    {
        // Look first, so that a full hour bucket does not also burn a minute permit.
        if (limiters.Any(l => l.GetStatistics()?.CurrentAvailablePermits < 1))
        {
            return limiters.Max(WaitFor);
        }

        foreach (var limiter in limiters)
        {
            using var lease = limiter.AttemptAcquire(1);
            if (!lease.IsAcquired)
            {
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : WaitFor(limiter);
            }
        }

        return null;
    }

    private static TimeSpan WaitFor(TokenBucketRateLimiter limiter) =>
        limiter.GetStatistics()?.CurrentAvailablePermits >= 1 ? TimeSpan.Zero : limiter.ReplenishmentPeriod;
}
