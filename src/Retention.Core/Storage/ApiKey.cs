using NodaTime;

namespace Retention.Core.Storage;

/// <summary>A stored API key: only its SHA-256 hash is kept. <see cref="Id"/> is the public prefix of the key.</summary>
public sealed record ApiKey(string EmployerId, string Id, string Hash, Instant CreatedAt, Instant? RevokedAt = null);
