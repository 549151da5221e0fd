using NodaTime;
using Retention.Core.Content;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Links;

namespace Retention.Core.Tests.Content;

/// <summary>The enrolment from the API example (Audrey and Karianne in Haugesund), a fixed key and fixed instants.</summary>
internal static class ContentFixtures
{
    public const string Key = "cmV0ZW50aW9uLXRlc3Qta2V5LW9mLWF0LWxlYXN0LTMyLWJ5dGVz"; // "retention-test-key-of-at-least-32-bytes"

    public static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public static RenderingOptions Options { get; } = new()
    {
        PublicBaseUrl = "https://retention.example.no",
        FromAddress = "no-reply@retention.example.no",
        FromName = "Retention at Vestkyst Energi",
        LinkLifetime = TimeSpan.FromDays(30),
    };

    public static ActionTokenSigner Signer { get; } = new(new ActionLinkOptions { SigningKey = Key });

    public static Enrollment Enrollment(Family? family = null, string newcomerLanguage = "en", string ildsjelLanguage = "nb") => new()
    {
        EmployerId = "emp-vestkyst",
        Id = "enr-0001",
        ExternalId = "HR-4711",
        Newcomer = new Newcomer("Audrey", "audrey@example.com", newcomerLanguage, "America/Chicago"),
        Ildsjel = new Ildsjel("Karianne", "karianne@example.no", ildsjelLanguage),
        HrContact = new HrContact("Ingrid", "hr@example.no"),
        ArrivalDate = new LocalDate(2027, 3, 1),
        StartDate = new LocalDate(2027, 3, 3),
        Municipality = "Haugesund",
        Family = family ?? new Family(true, [4, 9]),
        Interests = ["hiking", "choir"],
        Consent = new Consent(true),
        CreatedAt = Instant.FromUtc(2027, 1, 10, 9, 0),
    };

    /// <summary>A nudge due at <paramref name="localDue"/> (Oslo) with a message key per audience and day, as the planner makes them.</summary>
    public static Nudge Nudge(string kind, Audience audience, LocalDateTime localDue, string reason = "week-1") => new()
    {
        Id = $"nud-{kind}-{audience.ToString().ToLowerInvariant()}-{reason}",
        EmployerId = "emp-vestkyst",
        EnrollmentId = "enr-0001",
        Kind = kind,
        Audience = audience,
        DueAt = localDue.InZoneLeniently(Oslo).ToInstant(),
        Reason = reason,
        MessageKey = $"enr-0001/{audience.ToString().ToLowerInvariant()}/{localDue.Date:yyyy-MM-dd}",
    };

    public static NudgeRenderer Renderer(TemplateCatalog? catalog = null, IRegionalContentSource? regional = null) =>
        new(catalog ?? TemplateCatalog.Default, regional ?? SampleSource(), Signer, Options);

    public static InMemoryRegionalContentSource SampleSource() =>
        new(SampleRegions.Haugalandet(new Interval(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2029, 1, 1, 0, 0))));

    /// <summary>Every kind of the shared vocabulary with its audience(s).</summary>
    public static readonly (string Kind, Audience Audience)[] AllKinds =
    [
        ("practical-checklist", Audience.Newcomer), ("ildsjel-introduction", Audience.Ildsjel), ("arrival-welcome", Audience.Newcomer),
        ("first-day", Audience.Ildsjel), ("welcome-lunch", Audience.Ildsjel), ("family-activities", Audience.Newcomer),
        ("kindergarten", Audience.Newcomer), ("school", Audience.Newcomer), ("local-events", Audience.Newcomer),
        ("local-events", Audience.Ildsjel), ("norwegian-course", Audience.Newcomer), ("leisure-clubs", Audience.Newcomer),
        ("check-in", Audience.Newcomer), ("ildsjel-follow-up", Audience.Ildsjel), ("retention-confirmation", Audience.Hr),
        ("seventeenth-may", Audience.Ildsjel), ("midsummer", Audience.Newcomer), ("wool-season", Audience.Newcomer),
        ("skiing-season", Audience.Newcomer), ("easter", Audience.Newcomer), ("julebord", Audience.Ildsjel),
        ("july-holiday", Audience.Newcomer), ("ildsjel-reminder", Audience.Ildsjel), ("hr-escalation", Audience.Hr),
    ];
}
