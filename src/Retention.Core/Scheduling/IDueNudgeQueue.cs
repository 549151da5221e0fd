using NodaTime;

namespace Retention.Core.Scheduling;

/// <summary>
/// The self-hosted due-queue. A nudge is in it while it is scheduled and due; a claim leases it, so a
/// dispatcher that dies mid-send releases it when the lease expires and another claim picks it up.
/// </summary>
public interface IDueNudgeQueue
{
    /// <summary>Claims up to <paramref name="max"/> nudges due at or before <paramref name="now"/> whose lease is free or expired, oldest first.</summary>
    Task<IReadOnlyList<DueNudge>> ClaimDueAsync(Instant now, Duration lease, int max, CancellationToken cancellationToken);

    /// <summary>Releases a claim early (the dispatch finished, whatever its outcome); a no-op if the lease has moved on.</summary>
    Task ReleaseAsync(DueNudge claimed, CancellationToken cancellationToken);

    /// <summary>How many nudges are due at or before <paramref name="now"/> and not yet sent, leased or not (the queue's depth for metrics).</summary>
    Task<long> CountDueAsync(Instant now, CancellationToken cancellationToken);
}
