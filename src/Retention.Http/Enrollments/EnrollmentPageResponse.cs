namespace Retention.Http.Enrollments;

/// <summary>A page of enrolments; pass <see cref="NextCursor"/> as <c>cursor</c> for the next one.</summary>
public sealed record EnrollmentPageResponse(IReadOnlyList<EnrollmentResponse> Items, string? NextCursor);
