namespace Retention.Core.Storage;

/// <summary>Per-employer API keys, stored hashed and looked up by their public id (a point read).</summary>
public interface IApiKeyStore
{
    Task AddAsync(ApiKey key, CancellationToken cancellationToken);

    Task<ApiKey?> GetAsync(string keyId, CancellationToken cancellationToken);
}
