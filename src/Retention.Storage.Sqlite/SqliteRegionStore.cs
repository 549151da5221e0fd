using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Retention.Core.Regions;
using Retention.Core.Storage;

namespace Retention.Storage.Sqlite;

/// <summary>
/// Regions in SQLite: the region as JSON with an integer row version and a stamp, one row per claimed municipality
/// (its primary key is the one-region-per-municipality rule), feeds as JSON under (region, feed). Every write is one
/// transaction that also moves the region's stamp.
/// </summary>
public sealed class SqliteRegionStore(SqliteDatabase database) : IRegionStore
{
    public async Task<Region?> GetAsync(string regionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Payload, long Version)?>(new CommandDefinition(
            "SELECT payload, version FROM regions WHERE id = @regionId;", new { regionId }, cancellationToken: cancellationToken));
        return row is { } r ? Read<Region>(r.Payload, "regions") with { Version = SqliteValues.Version(r.Version) } : null;
    }

    public async Task<RegionSave> SaveAsync(Region region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        var keys = JsonSerializer.Serialize(MunicipalityKey.Distinct(region.Municipalities), SqliteJson.Options);
        return await database.WriteAsync(async (connection, transaction) =>
        {
            // Checked before anything is written, under the write lock: a refused save leaves the file as it was.
            var taken = await connection.QueryFirstOrDefaultAsync<(string Key, string RegionId)?>(new CommandDefinition(
                """
                SELECT m.municipality_key, m.region_id FROM region_municipalities m
                WHERE m.municipality_key IN (SELECT value FROM json_each(@keys)) AND m.region_id <> @Id
                ORDER BY m.municipality_key LIMIT 1;
                """,
                new { keys, region.Id }, transaction));
            if (taken is { } t)
            {
                var written = region.Municipalities.First(m => MunicipalityKey.Of(m) == t.Key);
                return new RegionSave(RegionSaveOutcome.MunicipalityTaken, null, written, t.RegionId);
            }

            var parameters = new { region.Id, Payload = JsonSerializer.Serialize(region, SqliteJson.Options), UpdatedAt = SqliteValues.Ticks(region.UpdatedAt), Expected = SqliteValues.ParseVersion(region.Version) };
            var created = region.Version.Length == 0;
            var version = created
                ? await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    "INSERT INTO regions (id, payload, version, stamp, updated_at) VALUES (@Id, @Payload, 1, 1, @UpdatedAt) ON CONFLICT DO NOTHING RETURNING version;",
                    parameters, transaction))
                : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    """
                    UPDATE regions SET payload = @Payload, version = version + 1, stamp = stamp + 1, updated_at = @UpdatedAt
                    WHERE id = @Id AND version = @Expected
                    RETURNING version;
                    """,
                    parameters, transaction));
            if (version is not { } stored)
            {
                return new RegionSave(RegionSaveOutcome.VersionConflict, null);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                DELETE FROM region_municipalities WHERE region_id = @Id AND municipality_key NOT IN (SELECT value FROM json_each(@keys));
                INSERT INTO region_municipalities (municipality_key, region_id) SELECT value, @Id FROM json_each(@keys) WHERE true
                ON CONFLICT (municipality_key) DO NOTHING;
                """,
                new { keys, region.Id }, transaction));
            return new RegionSave(created ? RegionSaveOutcome.Created : RegionSaveOutcome.Updated, region with { Version = SqliteValues.Version(stored) });
        }, cancellationToken);
    }

    public async Task<string?> RegionOfAsync(string municipality, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT region_id FROM region_municipalities WHERE municipality_key = @key;",
            new { key = MunicipalityKey.Of(municipality) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<RegionStamp>> StampsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, long Stamp)>(new CommandDefinition(
            "SELECT id, stamp FROM regions ORDER BY id;", cancellationToken: cancellationToken));
        return [.. rows.Select(r => new RegionStamp(r.Id, SqliteValues.Version(r.Stamp)))];
    }

    public async Task<IReadOnlyList<RegionFeed>> GetFeedsAsync(string regionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Payload, long Version)>(new CommandDefinition(
            "SELECT payload, version FROM region_feeds WHERE region_id = @regionId ORDER BY id;", new { regionId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => ReadFeed(r.Payload, r.Version))];
    }

    public async Task<RegionFeed?> GetFeedAsync(string regionId, string feedId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Payload, long Version)?>(new CommandDefinition(
            "SELECT payload, version FROM region_feeds WHERE region_id = @regionId AND id = @feedId;", new { regionId, feedId }, cancellationToken: cancellationToken));
        return row is { } r ? ReadFeed(r.Payload, r.Version) : null;
    }

    public async Task<RegionFeed?> SaveFeedAsync(RegionFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var parameters = new { feed.RegionId, feed.Id, Payload = JsonSerializer.Serialize(feed, SqliteJson.Options), Expected = SqliteValues.ParseVersion(feed.Version) };
        var created = feed.Version.Length == 0;
        var version = await database.WriteAsync(async (connection, transaction) =>
        {
            var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                created
                    ? "INSERT INTO region_feeds (region_id, id, payload, version) VALUES (@RegionId, @Id, @Payload, 1) ON CONFLICT DO NOTHING RETURNING version;"
                    : "UPDATE region_feeds SET payload = @Payload, version = version + 1 WHERE region_id = @RegionId AND id = @Id AND version = @Expected RETURNING version;",
                parameters, transaction));
            if (version is not null)
            {
                await MoveStampAsync(connection, transaction, feed.RegionId);
            }

            return version;
        }, cancellationToken);
        return version is { } v ? feed with { Version = SqliteValues.Version(v) } : null;
    }

    public Task<bool> DeleteFeedAsync(string regionId, string feedId, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM region_feeds WHERE region_id = @regionId AND id = @feedId;", new { regionId, feedId }, transaction));
            if (deleted == 0)
            {
                return false;
            }

            await MoveStampAsync(connection, transaction, regionId);
            return true;
        }, cancellationToken);

    private static Task MoveStampAsync(SqliteConnection connection, SqliteTransaction transaction, string regionId) =>
        connection.ExecuteAsync(new CommandDefinition("UPDATE regions SET stamp = stamp + 1 WHERE id = @regionId;", new { regionId }, transaction));

    private static RegionFeed ReadFeed(string payload, long version) => Read<RegionFeed>(payload, "region_feeds") with { Version = SqliteValues.Version(version) };

    private static T Read<T>(string payload, string table) =>
        JsonSerializer.Deserialize<T>(payload, SqliteJson.Options) ?? throw new InvalidDataException($"A {table} row holds no payload.");
}
