namespace Retention.Core.Storage;

/// <summary>How a read-modify-write through <see cref="CompareAndSet"/> ended.</summary>
public enum StoreUpdateOutcome
{
    /// <summary>The change was written; the value is the stored record.</summary>
    Updated,

    /// <summary>The change said there was nothing to do in the record's current state; the value is that record.</summary>
    Unchanged,

    /// <summary>There is no such record.</summary>
    NotFound,

    /// <summary>Others kept changing the record; the value is the last one read.</summary>
    Conflict,
}
