using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Bench;

/// <summary>
/// The one enrolment the bulk workloads copy. It started in the past so that the scale run can record a departure:
/// an outcome may not be dated ahead of today or before the start date.
/// </summary>
public static class Templates
{
    public static Enrollment Enrollment(string id) => new()
    {
        EmployerId = "bench",
        Id = id,
        Newcomer = new Newcomer("Audrey", "audrey@example.com", "en", "America/Chicago"),
        Ildsjel = new Ildsjel("Karianne", "karianne@example.no", "nb"),
        HrContact = new HrContact("Ingrid", "hr@example.no"),
        ArrivalDate = new LocalDate(2026, 10, 1),
        StartDate = new LocalDate(2026, 10, 5),
        Municipality = "Haugesund",
        Family = new Family(true, [4, 9]),
        Consent = new Consent(true),
        CreatedAt = Instant.FromUtc(2026, 9, 20, 0, 0),
    };
}
