using Retention.Core.Enrollments;

namespace Retention.Core.Application;

/// <summary>
/// The result of enrolling: the enrolment (created, or the one already there under the external id) or the field
/// errors; for <see cref="EnrollmentOutcome.Conflict"/> the errors name the fields that differ from the stored one.
/// </summary>
public sealed record EnrollResult(EnrollmentOutcome Outcome, Enrollment? Enrollment, IReadOnlyList<FieldError> Errors);
