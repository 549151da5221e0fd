namespace Retention.Core.Dispatch;

/// <summary>
/// Exponential back-off without jitter: <c>min(cap, base × factor^(n−1))</c> after the n-th failed attempt.
/// Shared by both hosts (the due-queue and the Service Bus reschedule) so they retry on the same schedule.
/// </summary>
public sealed record RetryBackoff(TimeSpan Base, double Factor, TimeSpan Cap)
{
    /// <summary>The wait after <paramref name="failedAttempts"/> failed attempts (1 = the first failure).</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);

        // Computed in doubles and capped before converting, so a large exponent cannot overflow TimeSpan.
        var ticks = Base.Ticks * Math.Pow(Factor, failedAttempts - 1);
        return ticks >= Cap.Ticks || double.IsInfinity(ticks) ? Cap : TimeSpan.FromTicks((long)ticks);
    }
}
