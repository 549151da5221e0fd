namespace Retention.Core.Storage;

/// <summary>The result of a read-modify-write: how it ended and the record it ended with.</summary>
public sealed record StoreUpdate<T>(StoreUpdateOutcome Outcome, T? Value)
    where T : class
{
    public bool Written => Outcome == StoreUpdateOutcome.Updated;
}
