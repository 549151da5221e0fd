using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Events;
using Retention.Core.Journeys;

namespace Retention.Storage.Tests;

/// <summary>Realistic records for the store tests; every id is unique per call unless given.</summary>
internal static class StoreTestData
{
    public static readonly Instant Now = Instant.FromUtc(2027, 3, 1, 8, 0, 0);

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    public static Enrollment Enrollment(string employerId, string? id = null, string? externalId = null, Instant? createdAt = null) => new()
    {
        EmployerId = employerId,
        Id = id ?? NewId("enr"),
        ExternalId = externalId,
        Newcomer = new Newcomer("Audrey Martin", "audrey@example.com", "en", "America/Chicago"),
        Ildsjel = new Ildsjel("Karianne Vik", "karianne@example.no", "nb"),
        HrContact = new HrContact("Ingrid Haug", "hr@example.no"),
        ArrivalDate = new LocalDate(2027, 3, 1),
        StartDate = new LocalDate(2027, 3, 3),
        Municipality = "Haugesund",
        Family = new Family(true, [4, 9]),
        Interests = ["hiking", "choir"],
        Consent = new Consent(true),
        CreatedAt = createdAt ?? Now,
    };

    public static Nudge Nudge(Enrollment enrollment, string kind, Instant dueAt, Audience audience = Audience.Ildsjel, string? id = null) => new()
    {
        Id = id ?? enrollment.Id + "-" + kind + "-" + Guid.NewGuid().ToString("N")[..6],
        EmployerId = enrollment.EmployerId,
        EnrollmentId = enrollment.Id,
        Kind = kind,
        Audience = audience,
        DueAt = dueAt,
        Reason = "week-1",
        MessageKey = enrollment.Id + "-" + audience + "-" + dueAt.ToUnixTimeSeconds(),
    };

    /// <summary>A small journey, deliberately not in due order.</summary>
    public static IReadOnlyList<Nudge> Journey(Enrollment enrollment) =>
    [
        Nudge(enrollment, "first-fika", Now + Duration.FromDays(14)),
        Nudge(enrollment, "welcome-lunch", Now + Duration.FromDays(2)),
        Nudge(enrollment, "welcome-newcomer", Now + Duration.FromDays(1), Audience.Newcomer),
        Nudge(enrollment, "month-3-check-in", Now + Duration.FromDays(90), Audience.Newcomer),
    ];

    public static CheckIn CheckIn(Enrollment enrollment, Instant at, string? comment = "The dark evenings are hard", string? id = null) => new()
    {
        EmployerId = enrollment.EmployerId,
        EnrollmentId = enrollment.Id,
        Id = id ?? NewId("chk"),
        At = at,
        Belonging = 3,
        IntentToStay = 4,
        Comment = comment,
    };

    public static Outcome Outcome(Enrollment enrollment, OutcomeStatus status = OutcomeStatus.Left, string? id = null) => new()
    {
        EmployerId = enrollment.EmployerId,
        EnrollmentId = enrollment.Id,
        Id = id ?? NewId("out"),
        Status = status,
        Date = new LocalDate(2027, 11, 30),
        Reason = status == OutcomeStatus.Left ? DepartureReason.PartnerJob : null,
        RecordedAt = Now + Duration.FromDays(270),
    };
}
