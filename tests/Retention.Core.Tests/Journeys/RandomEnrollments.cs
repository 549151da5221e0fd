using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Core.Tests.Journeys;

/// <summary>Random enrolments for property tests, reproducible from one seed.</summary>
internal static class RandomEnrollments
{
    /// <summary>Zones with and without DST, odd offsets, both hemispheres and the date line.</summary>
    public static readonly string[] Zones =
    [
        "Europe/Oslo", "America/Chicago", "America/Santiago", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Tehran",
        "Europe/London", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/St_Johns", "Asia/Kolkata", "Africa/Casablanca",
        "America/Havana", "Asia/Tokyo", "Pacific/Auckland", "America/Sao_Paulo", "Asia/Kathmandu", "Pacific/Honolulu",
    ];

    public static (Enrollment Enrollment, Instant Now) Create(int seed)
    {
        var random = new Random(seed);
        var arrival = new LocalDate(2000, 1, 1).PlusDays(random.Next(0, 365 * 90));
        var start = arrival.PlusDays(random.Next(0, 90));
        var children = Enumerable.Range(0, random.Next(0, 4) == 0 ? random.Next(1, 4) : 0).Select(_ => random.Next(0, 26)).ToArray();
        var partner = random.Next(0, 3) == 0;
        var enrollment = new Enrollment
        {
            EmployerId = "employer-" + random.Next(0, 5),
            Id = "enrollment-" + seed,
            Newcomer = new Newcomer("N", "n@example.com", "en", Zones[random.Next(Zones.Length)]),
            Ildsjel = new Ildsjel("I", "i@example.no", "nb"),
            HrContact = random.Next(0, 5) == 0 ? null : new HrContact("H", "hr@example.no"),
            ArrivalDate = arrival,
            StartDate = start,
            Municipality = "Haugesund",
            Family = new Family(partner, children),
            Consent = new Consent(random.Next(0, 6) != 0),
            CreatedAt = Instant.FromUtc(2000, 1, 1, 0, 0),
            PlanRevision = random.Next(0, 3),
        };
        var now = arrival.PlusDays(random.Next(-90, 200)).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant().Plus(Duration.FromMinutes(random.Next(0, 1440)));
        return (enrollment, now);
    }
}
