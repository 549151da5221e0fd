using System.Text.Json.Serialization;

namespace Retention.Storage.Cosmos;

/// <summary>Reserves an external id within the employer: creating it is the atomic dedupe of enrolments.</summary>
internal sealed record ExternalIdDocument(string Id, string EmployerId, string ExternalId, string EnrollmentId, int? Ttl)
{
    public string Type => "externalId";

    /// <summary>Server time of the last write (unix seconds), read only: tells a stale reservation from one being completed.</summary>
    [JsonPropertyName("_ts")]
    public long? Timestamp { get; init; }
}
