using System.Text.Json;
using Dapper;
using Retention.Core.Storage;
using Retention.Core.Unsubscribes;

namespace Retention.Storage.Sqlite;

/// <summary>Unsubscribed addresses in SQLite: the record as JSON under (employer, address key), with an integer row version.</summary>
public sealed class SqliteUnsubscribeStore(SqliteDatabase database) : IUnsubscribeStore
{
    public async Task<Unsubscribe?> GetAsync(string employerId, string addressKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Payload, long Version)?>(new CommandDefinition(
            "SELECT payload, version FROM unsubscribes WHERE employer_id = @employerId AND address_key = @addressKey;",
            new { employerId, addressKey }, cancellationToken: cancellationToken));
        return row is { } r ? Read(r.Payload, r.Version) : null;
    }

    public async Task<(Unsubscribe Unsubscribe, bool Created)> AddAsync(Unsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        return await database.WriteAsync(async (connection, transaction) =>
        {
            // The primary key makes "first one wins" atomic; a second caller reads the winner back.
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO unsubscribes (employer_id, address_key, payload, version) VALUES (@EmployerId, @AddressKey, @Payload, 1) ON CONFLICT DO NOTHING;",
                new { unsubscribe.EmployerId, unsubscribe.AddressKey, Payload = Write(unsubscribe) }, transaction));
            if (inserted == 1)
            {
                return (unsubscribe with { Version = SqliteValues.Version(1) }, true);
            }

            var row = await connection.QuerySingleAsync<(string Payload, long Version)>(new CommandDefinition(
                "SELECT payload, version FROM unsubscribes WHERE employer_id = @EmployerId AND address_key = @AddressKey;",
                new { unsubscribe.EmployerId, unsubscribe.AddressKey }, transaction));
            return (Read(row.Payload, row.Version), false);
        }, cancellationToken);
    }

    public async Task<Unsubscribe?> TryUpdateAsync(Unsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        if (SqliteValues.ParseVersion(unsubscribe.Version) is not { } expected)
        {
            return null;
        }

        var version = await database.WriteAsync((connection, transaction) => connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE unsubscribes SET payload = @Payload, version = version + 1
            WHERE employer_id = @EmployerId AND address_key = @AddressKey AND version = @expected
            RETURNING version;
            """,
            new { unsubscribe.EmployerId, unsubscribe.AddressKey, Payload = Write(unsubscribe), expected }, transaction)), cancellationToken);
        return version is { } v ? unsubscribe with { Version = SqliteValues.Version(v) } : null;
    }

    public async Task<bool> TryRemoveAsync(Unsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        if (SqliteValues.ParseVersion(unsubscribe.Version) is not { } expected)
        {
            return false;
        }

        var removed = await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM unsubscribes WHERE employer_id = @EmployerId AND address_key = @AddressKey AND version = @expected;",
            new { unsubscribe.EmployerId, unsubscribe.AddressKey, expected }, transaction)), cancellationToken);
        return removed == 1;
    }

    private static string Write(Unsubscribe unsubscribe) => JsonSerializer.Serialize(unsubscribe, SqliteJson.Options);

    private static Unsubscribe Read(string payload, long version) =>
        (JsonSerializer.Deserialize<Unsubscribe>(payload, SqliteJson.Options) ?? throw new InvalidDataException("An unsubscribes row holds no payload."))
        with { Version = SqliteValues.Version(version) };
}
