using System.Text.Json.Serialization;

namespace Retention.Storage.Cosmos;

/// <summary>
/// Claims a municipality (lower-invariant key) for a region: creating it is the atomic "at most one region", as the
/// external-id reservation is for enrolments. Lives in the directory partition, so a claim is one point read.
/// </summary>
internal sealed record MunicipalityClaimDocument(string Id, string RegionId, string MunicipalityKey, string ClaimedBy)
{
    public string Type => "municipalityClaim";

    /// <summary>Server time of the last write (unix seconds), read only: tells an abandoned claim from one being completed.</summary>
    [JsonPropertyName("_ts")]
    public long? Timestamp { get; init; }
}
