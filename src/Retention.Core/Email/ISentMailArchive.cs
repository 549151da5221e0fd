namespace Retention.Core.Email;

/// <summary>
/// Copies of sent messages that the service itself keeps (the pickup folder's <c>.eml</c> files, which the demo's
/// <c>/outbox</c> shows): they carry names and addresses, so erasure removes them too.
/// </summary>
public interface ISentMailArchive
{
    /// <summary>Removes the copies of the messages sent under these idempotency keys; returns how many were removed.</summary>
    Task<int> EraseAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken);
}
