using Retention.Core.Import;

namespace Retention.Http.Enrollments;

/// <summary>One row of an import report; <see cref="Errors"/> maps field to reasons, as in problem details.</summary>
public sealed record ImportRowResponse(int Row, string? ExternalId, ImportRowStatus Status, string? EnrollmentId, IReadOnlyDictionary<string, string[]>? Errors);
