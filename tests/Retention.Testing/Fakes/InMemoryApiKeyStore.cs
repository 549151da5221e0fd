using Retention.Core.Storage;

namespace Retention.Testing.Fakes;

/// <summary>An in-memory <see cref="IApiKeyStore"/>: keys by their public id, an id is stored once (adding it again throws, as in the real stores).</summary>
public sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ApiKey> keys = new(StringComparer.Ordinal);

    public Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (gate)
        {
            if (!keys.TryAdd(key.Id, key))
            {
                throw new InvalidOperationException("An API key with this id is already stored.");
            }
        }

        return Task.CompletedTask;
    }

    public Task<ApiKey?> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(keys.GetValueOrDefault(keyId));
        }
    }
}
