using Dapper;
using Microsoft.Data.Sqlite;
using Retention.Core.Storage;

namespace Retention.Storage.Sqlite;

/// <summary>API keys (hashes only) in SQLite, looked up by their public id.</summary>
public sealed class SqliteApiKeyStore(SqliteDatabase database) : IApiKeyStore
{
    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">A key with the same id is already stored.</exception>
    public async Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO api_keys (id, employer_id, hash, created_at, revoked_at) VALUES (@Id, @EmployerId, @Hash, @CreatedAt, @RevokedAt);",
                new { key.Id, key.EmployerId, key.Hash, CreatedAt = SqliteValues.Ticks(key.CreatedAt), RevokedAt = SqliteValues.Ticks(key.RevokedAt) },
                cancellationToken: cancellationToken));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new InvalidOperationException("An API key with this id is already stored.", e);
        }
    }

    public async Task<ApiKey?> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string EmployerId, string Hash, long CreatedAt, long? RevokedAt)?>(new CommandDefinition(
            "SELECT id, employer_id, hash, created_at, revoked_at FROM api_keys WHERE id = @keyId;",
            new { keyId }, cancellationToken: cancellationToken));
        return row is { } r ? new ApiKey(r.EmployerId, r.Id, r.Hash, SqliteValues.Instant(r.CreatedAt), SqliteValues.Instant(r.RevokedAt)) : null;
    }
}
