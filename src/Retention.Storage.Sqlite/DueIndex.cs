namespace Retention.Storage.Sqlite;

/// <summary>
/// The due-queue index <c>ix_nudges_due</c> as queries must spell it for SQLite to use it: its filter and its
/// expression, written once here for every query that scans it (the migration that created it stays as it was).
/// </summary>
internal static class DueIndex
{
    /// <summary>The partial index's filter: the nudges still queued.</summary>
    public const string Queued = "status IN ('Scheduled', 'Sending')";

    /// <summary>The indexed expression: when a queued nudge fires next (its retry or lease time, else its due time).</summary>
    public const string FiresAt = "coalesce(next_attempt_at, due_at)";
}
