using Retention.Core.Enrollments;

namespace Retention.Core.Application;

/// <summary>The result of enrolling: the enrolment (created or already there) or the field errors.</summary>
public sealed record EnrollResult(EnrollmentOutcome Outcome, Enrollment? Enrollment, IReadOnlyList<FieldError> Errors);
