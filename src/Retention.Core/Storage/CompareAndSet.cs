using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Unsubscribes;

namespace Retention.Core.Storage;

/// <summary>
/// The one retry loop over the stores' compare-and-set: apply a change to the current record, write it if nobody
/// changed the record meanwhile, otherwise read it again and decide again. The change sees every fresh read, so it
/// can say "nothing to do" (null) when another writer already did it.
/// </summary>
public static class CompareAndSet
{
    /// <summary>Writes tried before giving up; a record changed this often under one caller is genuinely contended.</summary>
    public const int Attempts = 5;

    public static async Task<StoreUpdate<T>> UpdateAsync<T>(
        T? current, Func<CancellationToken, Task<T?>> read, Func<T, T?> change, Func<T, CancellationToken, Task<T?>> tryWrite, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(tryWrite);
        current ??= await read(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            if (current is null)
            {
                return new(StoreUpdateOutcome.NotFound, null);
            }

            if (change(current) is not { } changed)
            {
                return new(StoreUpdateOutcome.Unchanged, current);
            }

            if (await tryWrite(changed, cancellationToken) is { } written)
            {
                return new(StoreUpdateOutcome.Updated, written);
            }

            if (attempt == Attempts)
            {
                return new(StoreUpdateOutcome.Conflict, current);
            }

            current = await read(cancellationToken);
        }
    }

    /// <summary>Changes a nudge, starting from <paramref name="current"/> (as read by the caller).</summary>
    public static Task<StoreUpdate<Nudge>> UpdateAsync(this INudgeStore store, Nudge current, Func<Nudge, Nudge?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(current);
        return UpdateAsync(current, ct => store.GetAsync(current.EmployerId, current.Id, ct), change, store.TryUpdateAsync, cancellationToken);
    }

    /// <summary>Changes an enrolment, reading it first.</summary>
    public static Task<StoreUpdate<Enrollment>> UpdateAsync(
        this IEnrollmentStore store, string employerId, string enrollmentId, Func<Enrollment, Enrollment?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return UpdateAsync(null, ct => store.GetAsync(employerId, enrollmentId, ct), change, store.TryUpdateAsync, cancellationToken);
    }

    /// <summary>Changes an unsubscribe record, reading it first.</summary>
    public static Task<StoreUpdate<Unsubscribe>> UpdateAsync(
        this IUnsubscribeStore store, string employerId, string addressKey, Func<Unsubscribe, Unsubscribe?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return UpdateAsync(null, ct => store.GetAsync(employerId, addressKey, ct), change, store.TryUpdateAsync, cancellationToken);
    }
}
