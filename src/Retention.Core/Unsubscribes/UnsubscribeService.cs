using Retention.Core.Application;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Privacy;
using Retention.Core.Storage;

namespace Retention.Core.Unsubscribes;

/// <summary>
/// Unsubscribes per employer and address: recorded from a List-Unsubscribe link, read by planning, re-planning and
/// dispatch for every enrolment in which the address appears, lifted only by the person's own re-consent link.
/// </summary>
public sealed class UnsubscribeService(IUnsubscribeStore store, Pseudonyms pseudonyms, RetentionClock clock)
{
    private static readonly Audience[] People = [Audience.Newcomer, Audience.Ildsjel, Audience.Hr];

    /// <summary>The address a nudge to <paramref name="audience"/> goes to, or null when the enrolment has none.</summary>
    public static string? AddressOf(Enrollment enrollment, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        return enrollment.Erased ? null : audience switch
        {
            Audience.Newcomer => enrollment.Newcomer.Email,
            Audience.Ildsjel => enrollment.Ildsjel.Email,
            _ => enrollment.HrContact?.Email,
        };
    }

    /// <summary>The people of the enrolment whose address is unsubscribed, with their records.</summary>
    public async Task<IReadOnlyDictionary<Audience, Unsubscribe>> ForAsync(Enrollment enrollment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        var found = new Dictionary<Audience, Unsubscribe>();
        foreach (var person in People)
        {
            if (await ForAsync(enrollment, person, cancellationToken) is { } unsubscribe)
            {
                found[person] = unsubscribe;
            }
        }

        return found;
    }

    public Task<Unsubscribe?> ForAsync(Enrollment enrollment, Audience audience, CancellationToken cancellationToken) =>
        AddressOf(enrollment, audience) is { } address
            ? store.GetAsync(enrollment.EmployerId, pseudonyms.Address(address), cancellationToken)
            : Task.FromResult<Unsubscribe?>(null);

    /// <summary>Records that the person unsubscribed; false when they already had.</summary>
    public async Task<bool> AddAsync(Enrollment enrollment, Audience audience, CancellationToken cancellationToken)
    {
        if (AddressOf(enrollment, audience) is not { } address)
        {
            return false;
        }

        var wanted = new Unsubscribe
        {
            EmployerId = enrollment.EmployerId,
            AddressKey = pseudonyms.Address(address),
            At = clock.Now,
            Audience = audience,
            HeldEnrollmentIds = [enrollment.Id],
        };
        var (_, created) = await store.AddAsync(wanted, cancellationToken);
        return created;
    }

    /// <summary>Lifts the person's unsubscribe; returns the enrolments whose journeys it held back, or null when there was none.</summary>
    public async Task<IReadOnlyList<string>?> LiftAsync(Enrollment enrollment, Audience audience, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CompareAndSet.Attempts; attempt++)
        {
            if (await ForAsync(enrollment, audience, cancellationToken) is not { } unsubscribe)
            {
                return null;
            }

            if (await store.TryRemoveAsync(unsubscribe, cancellationToken))
            {
                return unsubscribe.HeldEnrollmentIds;
            }
        }

        return null;
    }

    /// <summary>Remembers that the enrolment holds nudges back because of these unsubscribes, so a re-consent re-plans it.</summary>
    public async Task NoteHeldAsync(IEnumerable<Unsubscribe> unsubscribes, string enrollmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribes);
        foreach (var unsubscribe in unsubscribes.Where(u => !u.HeldEnrollmentIds.Contains(enrollmentId, StringComparer.Ordinal)))
        {
            await store.UpdateAsync(unsubscribe.EmployerId, unsubscribe.AddressKey, current =>
                current.HeldEnrollmentIds.Contains(enrollmentId, StringComparer.Ordinal)
                    ? null
                    : current with { HeldEnrollmentIds = [.. current.HeldEnrollmentIds.TakeLast(Unsubscribe.MaxHeldEnrollments - 1), enrollmentId] },
                cancellationToken);
        }
    }
}
