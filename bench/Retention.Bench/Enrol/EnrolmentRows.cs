using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Retention.Core.Enrollments;

namespace Retention.Bench.Enrol;

/// <summary>N varied enrolments, each both as the model (for the store paths) and as the API's JSON body (for HTTP).</summary>
public sealed record EnrolmentRows(Enrollment[] Enrollments, byte[][] Bodies)
{
    private static readonly string[] Zones = ["Europe/Oslo", "America/Chicago", "Asia/Kolkata", "America/Sao_Paulo", "Asia/Manila", "Africa/Lagos"];

    public const string EmployerId = "bench";

    public static EnrolmentRows Generate(int count, int seed = 7)
    {
        var random = new Random(seed);
        var enrollments = new Enrollment[count];
        var bodies = new byte[count][];
        var created = Instant.FromUtc(2026, 11, 1, 0, 0);
        for (var i = 0; i < count; i++)
        {
            var arrival = new LocalDate(2027, 1, 4).PlusDays(random.Next(0, 365));
            var start = arrival.PlusDays(random.Next(0, 14));
            var zone = Zones[random.Next(Zones.Length)];
            var partner = random.Next(2) == 0;
            var children = random.Next(3) == 0 ? new[] { random.Next(0, 18) } : [];
            var externalId = "HR-" + i.ToString(CultureInfo.InvariantCulture);
            enrollments[i] = new Enrollment
            {
                EmployerId = EmployerId,
                Id = "enr-" + i.ToString("D8", CultureInfo.InvariantCulture),
                ExternalId = externalId,
                Newcomer = new Newcomer("Newcomer " + i.ToString(CultureInfo.InvariantCulture), $"n{i}@example.com", "en", zone),
                Ildsjel = new Ildsjel("Ildsjel", "ildsjel@example.no", "nb"),
                HrContact = new HrContact("HR", "hr@example.no"),
                ArrivalDate = arrival,
                StartDate = start,
                Municipality = "Haugesund",
                Family = new Family(partner, children),
                Consent = new Consent(true),
                CreatedAt = created,
            };
            var childAges = string.Join(',', children.Select(c => c.ToString(CultureInfo.InvariantCulture)));
            var json = string.Create(CultureInfo.InvariantCulture, $$$"""
                {"externalId":"{{{externalId}}}","newcomer":{"name":"Newcomer {{{i}}}","email":"n{{{i}}}@example.com","language":"en","timeZone":"{{{zone}}}"},"ildsjel":{"name":"Ildsjel","email":"ildsjel@example.no","language":"nb"},"hrContact":{"name":"HR","email":"hr@example.no"},"arrivalDate":"{{{LocalDatePattern.Iso.Format(arrival)}}}","startDate":"{{{LocalDatePattern.Iso.Format(start)}}}","municipality":"Haugesund","family":{"partner":{{{(partner ? "true" : "false")}}},"childrenAges":[{{{childAges}}}]},"consent":{"newcomerNudges":true}}
                """);
            bodies[i] = Encoding.UTF8.GetBytes(json);
        }

        return new EnrolmentRows(enrollments, bodies);
    }
}
