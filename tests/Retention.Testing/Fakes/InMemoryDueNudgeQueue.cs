using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Scheduling;

namespace Retention.Testing.Fakes;

/// <summary>
/// The due-queue over an <see cref="InMemoryNudgeStore"/>, with the SQLite queue's rules: a nudge is claimable
/// while it is scheduled (or sending, a crashed dispatcher's claim) and <c>NextAttemptAt ?? DueAt</c> is not
/// after now, and its queue lease is free or expired; oldest first.
/// </summary>
public sealed class InMemoryDueNudgeQueue(InMemoryNudgeStore store) : IDueNudgeQueue
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string EmployerId, string NudgeId), DueNudge> leases = [];

    /// <summary>Claims handed out so far.</summary>
    public int ClaimCount { get; private set; }

    /// <summary>Releases received so far.</summary>
    public int ReleaseCount { get; private set; }

    /// <summary>When set, the next claim throws this (a store outage).</summary>
    public Exception? FailNextClaim { get; set; }

    public Task<IReadOnlyList<DueNudge>> ClaimDueAsync(Instant now, Duration lease, int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (FailNextClaim is { } failure)
            {
                FailNextClaim = null;
                throw failure;
            }

            var claimed = store.All
                .Where(n => n.Status is NudgeStatus.Scheduled or NudgeStatus.Sending)
                .Select(n => (Nudge: n, At: n.NextAttemptAt ?? n.DueAt))
                .Where(x => x.At <= now)
                .Where(x => !leases.TryGetValue((x.Nudge.EmployerId, x.Nudge.Id), out var held) || held.LeaseUntil <= now)
                .OrderBy(x => x.At)
                .Take(max)
                .Select(x => new DueNudge(x.Nudge.EmployerId, x.Nudge.Id, x.Nudge.DueAt, Guid.NewGuid().ToString("N"), now + lease))
                .ToList();
            foreach (var due in claimed)
            {
                leases[(due.EmployerId, due.NudgeId)] = due;
            }

            ClaimCount += claimed.Count;
            return Task.FromResult<IReadOnlyList<DueNudge>>(claimed);
        }
    }

    public Task ReleaseAsync(DueNudge claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        lock (gate)
        {
            if (leases.TryGetValue((claimed.EmployerId, claimed.NudgeId), out var held) && held.LeaseId == claimed.LeaseId)
            {
                leases.Remove((claimed.EmployerId, claimed.NudgeId));
            }

            ReleaseCount++;
        }

        return Task.CompletedTask;
    }

    public Task<long> CountDueAsync(Instant now, CancellationToken cancellationToken) =>
        Task.FromResult((long)store.All.Count(n => n.Status is NudgeStatus.Scheduled or NudgeStatus.Sending && (n.NextAttemptAt ?? n.DueAt) <= now));
}
