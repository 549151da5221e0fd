using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>
/// Serialises the changes of one enrolment and its journey (ADR-007). A change is written together with a journey
/// lease in one compare-and-set on the enrolment; the holder then re-plans and releases it. Others wait for the
/// lease (a bounded time, then 409); a crashed holder's lease runs out and whoever comes next — another change or
/// the dispatcher — re-plans from the enrolment as stored, which covers the crashed change too. So, in every store,
/// at most one re-plan of an enrolment runs at a time, and there are never two live nudges for one milestone.
/// </summary>
public sealed class EnrollmentChanges(IEnrollmentStore enrollments, JourneyChanges journeys, RetentionClock clock, Duration leaseFor, TimeSpan? maxWait = null)
{
    /// <summary>The longest a change waits for another one's lease before answering "try again" (real time, not the service's clock).</summary>
    public static TimeSpan DefaultMaxWait { get; } = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _maxWait = maxWait ?? DefaultMaxWait;

    /// <summary>
    /// Reads the enrolment, asks <paramref name="decide"/> what to do, and when it is a change saves it under the lease,
    /// runs <paramref name="underLease"/> (journey work that must not interleave with a re-plan), re-plans and releases.
    /// </summary>
    public async Task<CommandResult<Enrollment>> ApplyAsync(
        string employerId,
        string enrollmentId,
        Func<Enrollment, EnrollmentDecision> decide,
        Func<Enrollment, CancellationToken, Task>? underLease,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var holder = Guid.NewGuid().ToString("N");
        var waited = TimeSpan.Zero;
        var pause = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var current = await enrollments.GetAsync(employerId, enrollmentId, cancellationToken);
            if (current is null)
            {
                return CommandResult<Enrollment>.NotFound();
            }

            var now = clock.Now;
            if (current.JourneyLease is { } lease && lease.Until > now)
            {
                if (waited >= _maxWait)
                {
                    return CommandResult<Enrollment>.Conflict("the enrolment is being changed by another request; try again in a moment");
                }

                await Task.Delay(pause, cancellationToken);
                waited += pause;
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 100));
                continue;
            }

            var decision = decide(current with { JourneyLease = null });
            if (decision.Changed is not { } changed)
            {
                return decision.Answer!;
            }

            var saved = await enrollments.TryUpdateAsync(changed with { JourneyLease = new JourneyLease(holder, now + leaseFor), Version = current.Version }, cancellationToken);
            if (saved is null)
            {
                continue; // changed meanwhile: decide again on a fresh read
            }

            if (underLease is not null)
            {
                await underLease(saved, cancellationToken);
            }

            await journeys.ReconcileAsync(saved, cancellationToken);
            var released = await enrollments.TryUpdateAsync(saved with { JourneyLease = null }, cancellationToken);

            // Not released: the lease ran out and someone took over (their re-plan covers this change); show what is stored.
            return CommandResult<Enrollment>.Ok(released ?? (await enrollments.GetAsync(employerId, enrollmentId, cancellationToken) ?? saved) with { JourneyLease = null });
        }
    }

    /// <summary>Re-plans the enrolment as stored, under the lease (after an unsubscribe, a re-consent, a crashed change).</summary>
    public Task<CommandResult<Enrollment>> ReplanAsync(string employerId, string enrollmentId, CancellationToken cancellationToken) =>
        ApplyAsync(employerId, enrollmentId, EnrollmentDecision.Change, null, cancellationToken);
}
