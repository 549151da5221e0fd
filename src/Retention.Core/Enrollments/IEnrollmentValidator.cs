using NodaTime;

namespace Retention.Core.Enrollments;

/// <summary>Checks a submitted enrolment and reports every problem at once, field by field.</summary>
public interface IEnrollmentValidator
{
    /// <summary>
    /// Validates <paramref name="draft"/> as of <paramref name="today"/> (the employer's local date). On success
    /// the result holds an <see cref="Enrollment"/> with the given ids and <paramref name="now"/> as creation time.
    /// </summary>
    EnrollmentValidation Validate(EnrollmentDraft draft, string employerId, string enrollmentId, Instant now, LocalDate today);
}
