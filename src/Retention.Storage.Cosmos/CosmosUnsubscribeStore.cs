using Retention.Core.Storage;
using Retention.Core.Unsubscribes;

namespace Retention.Storage.Cosmos;

/// <summary>Unsubscribed addresses in Cosmos DB: one document per address in the employer's partition, point reads and ETag compare-and-set.</summary>
public sealed class CosmosUnsubscribeStore(CosmosDatabase database) : IUnsubscribeStore
{
    public async Task<Unsubscribe?> GetAsync(string employerId, string addressKey, CancellationToken cancellationToken)
    {
        var (document, etag) = await database.Items.ReadAsync<UnsubscribeDocument>(database.Data, CosmosIds.Unsubscribe(addressKey), employerId, cancellationToken);
        return document is null ? null : document.Unsubscribe with { Version = etag ?? "" };
    }

    public async Task<(Unsubscribe Unsubscribe, bool Created)> AddAsync(Unsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        for (var attempt = 0; attempt < CompareAndSet.Attempts; attempt++)
        {
            var etag = await database.Items.CreateAsync(database.Data, Document(unsubscribe), unsubscribe.EmployerId, cancellationToken);
            if (etag is not null)
            {
                return (unsubscribe with { Version = etag }, true);
            }

            // The id exists: the address was unsubscribed first by someone else (or is being re-consented right now).
            if (await GetAsync(unsubscribe.EmployerId, unsubscribe.AddressKey, cancellationToken) is { } stored)
            {
                return (stored, false);
            }
        }

        throw new InvalidOperationException("The unsubscribe kept being created and removed; it was not stored.");
    }

    public async Task<Unsubscribe?> TryUpdateAsync(Unsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        if (string.IsNullOrEmpty(unsubscribe.Version))
        {
            return null;
        }

        var etag = await database.Items.ReplaceAsync(
            database.Data, Document(unsubscribe), CosmosIds.Unsubscribe(unsubscribe.AddressKey), unsubscribe.EmployerId, unsubscribe.Version, cancellationToken);
        return etag is null ? null : unsubscribe with { Version = etag };
    }

    public async Task<bool> TryRemoveAsync(Unsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        return !string.IsNullOrEmpty(unsubscribe.Version)
            && await database.Items.TryDeleteAsync(database.Data, CosmosIds.Unsubscribe(unsubscribe.AddressKey), unsubscribe.EmployerId, unsubscribe.Version, cancellationToken);
    }

    private static UnsubscribeDocument Document(Unsubscribe unsubscribe) =>
        new(CosmosIds.Unsubscribe(unsubscribe.AddressKey), unsubscribe.EmployerId, unsubscribe with { Version = "" });
}
