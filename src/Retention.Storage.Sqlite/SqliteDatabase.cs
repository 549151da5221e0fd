using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace Retention.Storage.Sqlite;

/// <summary>
/// The SQLite file: opens configured connections (WAL, <c>busy_timeout</c>, foreign keys) and applies the
/// versioned schema. Every store opens its connections here, so the schema is migrated before first use
/// even when no host has called <see cref="MigrateAsync"/> yet.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private static readonly object Configured = new();
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];
    private readonly SqliteGroupCommit _groupCommit;
    private volatile bool _migrated;

    public SqliteDatabase(IOptions<SqliteStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var builder = string.IsNullOrWhiteSpace(value.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = value.FilePath, Mode = SqliteOpenMode.ReadWriteCreate }
            : new SqliteConnectionStringBuilder(value.ConnectionString);
        builder.ForeignKeys = true;
        builder.Pooling = true;
        _connectionString = builder.ToString();
        _busyTimeoutMilliseconds = value.BusyTimeoutMilliseconds;
        FilePath = builder.DataSource;
        _groupCommit = new SqliteGroupCommit(OpenConnectionAsync);
    }

    /// <summary>The schema version this code writes (<c>PRAGMA user_version</c> after migration).</summary>
    public static int SchemaVersion => SqliteMigrations.Scripts.Count;

    /// <summary>The database file (the connection string's data source).</summary>
    public string FilePath { get; }

    /// <summary>Applies the schema versions the file lacks, each in one transaction. Safe to call from several processes.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationGate.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(FilePath));
            if (!string.IsNullOrEmpty(directory) && !FilePath.StartsWith(':'))
            {
                Directory.CreateDirectory(directory);
            }

            await using var connection = await OpenRawAsync(cancellationToken);
            // WAL is a property of the file, set once; it lets readers run while one writer writes.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
            for (var version = 1; version <= SqliteMigrations.Scripts.Count; version++)
            {
                await ApplyAsync(connection, version, cancellationToken);
            }

            _migrated = true;
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    /// <summary>An open connection to the migrated file. The caller disposes it (it returns to the pool).</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>
    /// Runs a write in this process's next group commit (see <see cref="SqliteGroupCommit"/>) and returns once it
    /// is committed. The write must use only the connection and transaction it is given.
    /// </summary>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken) =>
        _groupCommit.WriteAsync(write, cancellationToken);

    private static async Task ApplyAsync(SqliteConnection connection, int version, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE takes the write lock first, so two processes starting together apply each version once.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var current = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition("PRAGMA user_version;", transaction: transaction, cancellationToken: cancellationToken));
        if (current >= version)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(SqliteMigrations.Scripts[version - 1], transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "PRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture) + ";", transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // The settings below belong to the native connection, which the pool keeps between opens: apply them once
            // per native connection rather than parsing and running four statements on every open.
            if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
            {
                // synchronous = NORMAL is durable against a process crash in WAL mode (only power loss can drop the last
                // commits); it flushes to disk only at checkpoints. The default 1,000-page WAL filled every few commits,
                // since a journey's nudges land on ~100 scattered index pages, and each checkpoint costs two flushes:
                // checkpoint every 8,000 pages (32 MB) instead, and cut the file back to that size after one.
                // secure_delete: erased or overwritten personal data (a long record moved off its overflow pages) is zeroed, not
                // left in free pages; the erasure test cannot force that case, so it is a setting rather than a tested path.
                await connection.ExecuteAsync(new CommandDefinition(
                    "PRAGMA busy_timeout = " + _busyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)
                    + "; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; PRAGMA wal_autocheckpoint = 8000; PRAGMA journal_size_limit = 33554432;",
                    cancellationToken: cancellationToken));
                _configured.TryAdd(handle, Configured);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
