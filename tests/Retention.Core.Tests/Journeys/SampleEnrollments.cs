using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Core.Tests.Journeys;

/// <summary>Enrolments for planner tests.</summary>
internal static class SampleEnrollments
{
    public static Enrollment Audrey(
        LocalDate? arrival = null,
        LocalDate? start = null,
        Family? family = null,
        bool consent = true,
        string timeZone = "America/Chicago",
        bool hr = true) => new()
        {
            EmployerId = "employer-1",
            Id = "enrollment-1",
            Newcomer = new Newcomer("Audrey", "audrey@example.com", "en", timeZone),
            Ildsjel = new Ildsjel("Karianne", "karianne@example.no", "nb"),
            HrContact = hr ? new HrContact("Ingrid", "hr@example.no") : null,
            ArrivalDate = arrival ?? new LocalDate(2027, 3, 1),
            StartDate = start ?? new LocalDate(2027, 3, 3),
            Municipality = "Haugesund",
            Family = family ?? new Family(true, [4, 9]),
            Consent = new Consent(consent),
            CreatedAt = Instant.FromUtc(2026, 11, 1, 12, 0),
        };
}
