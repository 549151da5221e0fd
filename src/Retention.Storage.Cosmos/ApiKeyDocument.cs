using Retention.Core.Storage;

namespace Retention.Storage.Cosmos;

/// <summary>An API key in the keys container (partition key <c>/id</c>); never expires with the raw-record TTL.</summary>
internal sealed record ApiKeyDocument(string Id, ApiKey Key)
{
    public string Type => "apiKey";
}
