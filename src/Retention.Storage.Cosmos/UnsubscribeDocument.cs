using Retention.Core.Unsubscribes;

namespace Retention.Storage.Cosmos;

/// <summary>
/// An unsubscribed address of an employer (its keyed hash only). No <c>ttl</c>: an unsubscribe outlives the raw
/// records it came from, until the person re-consents.
/// </summary>
internal sealed record UnsubscribeDocument(string Id, string EmployerId, Unsubscribe Unsubscribe)
{
    public string Type => "unsubscribe";
}
