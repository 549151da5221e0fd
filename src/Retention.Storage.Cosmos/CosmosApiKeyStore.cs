using Retention.Core.Storage;

namespace Retention.Storage.Cosmos;

/// <summary>API keys (hashes only) in the keys container, partitioned by the key's public id: every look-up is a point read.</summary>
public sealed class CosmosApiKeyStore(CosmosDatabase database) : IApiKeyStore
{
    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">A key with the same id is already stored.</exception>
    public async Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var document = new ApiKeyDocument(CosmosIds.ApiKey(key.Id), key);
        if (await database.Items.CreateAsync(database.Keys, document, document.Id, cancellationToken) is null)
        {
            throw new InvalidOperationException("An API key with this id is already stored.");
        }
    }

    public async Task<ApiKey?> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ApiKey(keyId);
        return (await database.Items.ReadAsync<ApiKeyDocument>(database.Keys, id, id, cancellationToken)).Document?.Key;
    }
}
