using System.Text.Json.Serialization;
using Retention.Core.Enrollments;

namespace Retention.Storage.Cosmos;

/// <summary>An enrolment. <c>createdAtMs</c>, <c>enrollmentId</c> and <c>status</c> are top level for the listing query.</summary>
internal sealed record EnrollmentDocument(
    string Id, string EmployerId, string EnrollmentId, string? ExternalId, EnrollmentStatus Status, long CreatedAtMs, Enrollment Enrollment, int? Ttl)
{
    public string Type => "enrollment";

    /// <summary>Read only: the version of a document that came from a query (point reads take it from the response header).</summary>
    [JsonPropertyName("_etag")]
    public string? ETag { get; init; }
}
