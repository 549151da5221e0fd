using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Unsubscribes;

namespace Retention.Http.Enrollments;

/// <summary>
/// An enrolment as the API shows it. <see cref="Unsubscribed"/> (people whose address is unsubscribed; only HR's
/// view of one enrolment carries it) is the person's own choice: only their re-consent link lifts it.
/// </summary>
public sealed record EnrollmentResponse(
    string Id,
    string? ExternalId,
    EnrollmentStatus Status,
    Newcomer Newcomer,
    Ildsjel Ildsjel,
    HrContact? HrContact,
    LocalDate ArrivalDate,
    LocalDate StartDate,
    string Municipality,
    Family Family,
    IReadOnlyList<string> Interests,
    Consent Consent,
    Instant CreatedAt,
    int PlanRevision,
    bool Erased,
    IReadOnlyList<UnsubscribedPerson>? Unsubscribed = null)
{
    public static EnrollmentResponse From(Enrollment e, IReadOnlyList<UnsubscribedPerson>? unsubscribed = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        // An erased enrolment keeps only a keyed hash in place of its external id, and it is not for showing.
        return new(e.Id, e.Erased ? null : e.ExternalId, e.Status, e.Newcomer, e.Ildsjel, e.HrContact, e.ArrivalDate, e.StartDate,
            e.Municipality, e.Family, e.Interests, e.Consent, e.CreatedAt, e.PlanRevision, e.Erased, unsubscribed);
    }
}
