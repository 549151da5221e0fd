using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Retention.Storage.Sqlite;

namespace Retention.Storage.Tests;

/// <summary>A real SQLite file in a fresh temp folder, deleted afterwards.</summary>
public sealed class SqliteTestFile : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "retention-tests", Guid.NewGuid().ToString("N"));

    public SqliteTestFile()
    {
        FilePath = Path.Combine(_folder, "data", "retention.db");
    }

    public string FilePath { get; }

    /// <summary>A new database object on the file, as a fresh process would have.</summary>
    public SqliteDatabase Open() => new(Options.Create(new SqliteStoreOptions { FilePath = FilePath }));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned by the OS eventually.
        }
    }
}
