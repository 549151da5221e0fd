using System.Text.Json;
using Dapper;
using Retention.Core.Regions;
using Retention.Core.Storage;

namespace Retention.Storage.Sqlite;

/// <summary>Employers' settings in SQLite: JSON with an integer row version, and the sharing flag as a column for <see cref="SharingEmployersAsync"/>.</summary>
public sealed class SqliteEmployerSettingsStore(SqliteDatabase database) : IEmployerSettingsStore
{
    public async Task<EmployerSettings?> GetAsync(string employerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Payload, long Version)?>(new CommandDefinition(
            "SELECT payload, version FROM employer_settings WHERE employer_id = @employerId;", new { employerId }, cancellationToken: cancellationToken));
        return row is { } r
            ? (JsonSerializer.Deserialize<EmployerSettings>(r.Payload, SqliteJson.Options) ?? throw new InvalidDataException("An employer_settings row holds no payload."))
                with { Version = SqliteValues.Version(r.Version) }
            : null;
    }

    public async Task<EmployerSettings?> SaveAsync(EmployerSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parameters = new
        {
            settings.EmployerId,
            Share = settings.ShareWithRegion,
            Payload = JsonSerializer.Serialize(settings, SqliteJson.Options),
            Expected = SqliteValues.ParseVersion(settings.Version),
        };
        var version = await database.WriteAsync((connection, transaction) => connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            settings.Version.Length == 0
                ? "INSERT INTO employer_settings (employer_id, share_with_region, payload, version) VALUES (@EmployerId, @Share, @Payload, 1) ON CONFLICT DO NOTHING RETURNING version;"
                : "UPDATE employer_settings SET share_with_region = @Share, payload = @Payload, version = version + 1 WHERE employer_id = @EmployerId AND version = @Expected RETURNING version;",
            parameters, transaction)), cancellationToken);
        return version is { } v ? settings with { Version = SqliteValues.Version(v) } : null;
    }

    public async Task<IReadOnlyList<string>> SharingEmployersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT employer_id FROM employer_settings WHERE share_with_region = 1 ORDER BY employer_id;", cancellationToken: cancellationToken));
        return [.. ids];
    }
}
