using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Core.Analytics;

/// <summary>
/// The few fields of an <see cref="Enrollment"/> a <see cref="RetentionRecord"/> is built from, so a store can read
/// just these columns (no names, addresses or other personal data) instead of the whole enrolment.
/// </summary>
public readonly record struct EnrollmentFacts(
    string Id,
    string Municipality,
    LocalDate ArrivalDate,
    LocalDate StartDate,
    EnrollmentStatus Status,
    Instant CreatedAt,
    Instant? StatusChangedAt)
{
    public static EnrollmentFacts Of(Enrollment enrollment)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        return new EnrollmentFacts(
            enrollment.Id, enrollment.Municipality, enrollment.ArrivalDate, enrollment.StartDate, enrollment.Status, enrollment.CreatedAt, enrollment.StatusChangedAt);
    }
}
