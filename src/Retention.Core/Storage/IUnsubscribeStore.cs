using Retention.Core.Unsubscribes;

namespace Retention.Core.Storage;

/// <summary>Unsubscribed addresses, per employer, by the keyed hash of the address. Changes are compare-and-set on the version.</summary>
public interface IUnsubscribeStore
{
    Task<Unsubscribe?> GetAsync(string employerId, string addressKey, CancellationToken cancellationToken);

    /// <summary>Stores it unless the address is already unsubscribed; returns the stored record either way, and whether it is the new one.</summary>
    Task<(Unsubscribe Unsubscribe, bool Created)> AddAsync(Unsubscribe unsubscribe, CancellationToken cancellationToken);

    /// <summary>Replaces the record if its stored version still equals <paramref name="unsubscribe"/>.Version; null on a conflict or when it is gone.</summary>
    Task<Unsubscribe?> TryUpdateAsync(Unsubscribe unsubscribe, CancellationToken cancellationToken);

    /// <summary>Removes the record if its stored version still equals <paramref name="unsubscribe"/>.Version; false on a conflict or when it is gone.</summary>
    Task<bool> TryRemoveAsync(Unsubscribe unsubscribe, CancellationToken cancellationToken);
}
