using NodaTime;
using NodaTime.Text;
using Retention.Core.Enrollments;

namespace Retention.Server.Demo;

/// <summary>A realistic set of newcomers at different stages of their journey, relative to "today".</summary>
public static class DemoNewcomers
{
    public static IReadOnlyList<EnrollmentDraft> For(LocalDate today)
    {
        return
        [
            Draft("DEMO-1", "Audrey Martin", "audrey@example.com", "en", "America/Chicago", "Karianne Vik", "karianne@example.no", today.PlusDays(16), today.PlusDays(18), "Haugesund", partner: true, [4, 9], ["hiking", "choir"]),
            Draft("DEMO-2", "Rahul Iyer", "rahul@example.com", "en", "Asia/Kolkata", "Ole Hansen", "ole@example.no", today.PlusDays(3), today.PlusDays(5), "Karmøy", partner: false, [], ["football"]),
            Draft("DEMO-3", "Lucía Fernández", "lucia@example.com", "en", "Europe/Madrid", "Ingrid Berg", "ingrid@example.no", today.PlusDays(-2), today, "Haugesund", partner: true, [], ["climbing"]),
            Draft("DEMO-4", "Tomasz Nowak", "tomasz@example.com", "nb", "Europe/Warsaw", "Per Olsen", "per@example.no", today.PlusDays(-20), today.PlusDays(-18), "Tysvær", partner: true, [2], ["fishing"]),
            Draft("DEMO-5", "Mei Chen", "mei@example.com", "en", "Asia/Shanghai", "Silje Lund", "silje@example.no", today.PlusDays(-75), today.PlusDays(-70), "Haugesund", partner: false, [], ["music", "running"]),
            Draft("DEMO-6", "Kwame Mensah", "kwame@example.com", "en", "Africa/Accra", "Lars Dahl", "lars@example.no", today.PlusDays(30), today.PlusDays(32), "Karmøy", partner: true, [7, 12], ["basketball"]),
        ];
    }

    private static EnrollmentDraft Draft(string externalId, string name, string email, string language, string zone, string ildsjel, string ildsjelEmail,
        LocalDate arrival, LocalDate start, string municipality, bool partner, int[] children, string[] interests) => new()
    {
        ExternalId = externalId,
        Newcomer = new PersonDraft { Name = name, Email = email, Language = language, TimeZone = zone },
        Ildsjel = new PersonDraft { Name = ildsjel, Email = ildsjelEmail, Language = "nb" },
        HrContact = new PersonDraft { Name = "Demo HR", Email = "hr@example.no" },
        ArrivalDate = LocalDatePattern.Iso.Format(arrival),
        StartDate = LocalDatePattern.Iso.Format(start),
        Municipality = municipality,
        Family = new FamilyDraft { Partner = partner, ChildrenAges = children },
        Interests = interests,
        Consent = new ConsentDraft { NewcomerNudges = true },
    };
}
