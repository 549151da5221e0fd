using System.ComponentModel.DataAnnotations;

namespace Retention.Storage.Sqlite;

/// <summary>Where the SQLite file lives. Give either <see cref="FilePath"/> (usual) or a full <see cref="ConnectionString"/>.</summary>
public sealed class SqliteStoreOptions : IValidatableObject
{
    public const string SectionName = "Retention:Storage:Sqlite";

    /// <summary>Path of the database file, e.g. <c>./data/retention.db</c>; its folder is created when missing.</summary>
    public string? FilePath { get; set; }

    /// <summary>A Microsoft.Data.Sqlite connection string; takes precedence over <see cref="FilePath"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a connection waits for another writer before giving up (SQLite <c>busy_timeout</c>).</summary>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(FilePath) && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"Set {SectionName}:FilePath (or {SectionName}:ConnectionString) to the SQLite database file.",
                [nameof(FilePath), nameof(ConnectionString)]);
        }
    }
}
