using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Testing;
using Retention.Testing.Fakes;

namespace Retention.Core.Tests.Dispatch;

/// <summary>One employer, one enrolment, real dispatcher over the in-memory stores, a fake clock.</summary>
internal sealed class DispatchScenario
{
    public const string EmployerId = "acme";
    public const string EnrollmentId = "enr-1";
    public const string NewcomerEmail = "audrey@example.com";
    public const string IldsjelEmail = "karianne@example.no";

    public static readonly DateTimeOffset Start = new(2027, 3, 4, 8, 0, 0, TimeSpan.Zero);

    public DispatchScenario(DispatchOptions? options = null, RecordingEmailSender? sender = null)
    {
        Options = options ?? new DispatchOptions();
        Sender = sender ?? new RecordingEmailSender();
        Enrollments.Seed(Enrollment());
        Dispatcher = TestDispatchers.Create(Nudges, Enrollments, Renderer, Sender, Clock, Options, Logger, Unsubscribes);
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public InMemoryNudgeStore Nudges { get; } = new();
    public InMemoryEnrollmentStore Enrollments { get; } = new();
    public InMemoryUnsubscribeStore Unsubscribes { get; } = new();
    public ListingNudgeRenderer Renderer { get; } = new();
    public RecordingEmailSender Sender { get; }
    public ListLogger<NudgeDispatcher> Logger { get; } = new();
    public DispatchOptions Options { get; }
    public NudgeDispatcher Dispatcher { get; }

    public Instant Now => Instant.FromDateTimeOffset(Clock.GetUtcNow());

    public static Enrollment Enrollment() => new()
    {
        EmployerId = EmployerId,
        Id = EnrollmentId,
        Newcomer = new Newcomer("Audrey", NewcomerEmail, "en", "America/Chicago"),
        Ildsjel = new Ildsjel("Karianne", IldsjelEmail, "nb"),
        HrContact = new HrContact("Ingrid", "hr@example.no"),
        ArrivalDate = new LocalDate(2027, 3, 1),
        StartDate = new LocalDate(2027, 3, 3),
        Municipality = "Haugesund",
        Consent = new Consent(true),
        CreatedAt = Instant.FromUtc(2027, 1, 10, 9, 0),
    };

    public static Nudge Nudge(string id, Audience audience = Audience.Ildsjel, string? messageKey = null, string kind = "welcome-lunch") => new()
    {
        Id = id,
        EmployerId = EmployerId,
        EnrollmentId = EnrollmentId,
        Kind = kind,
        Audience = audience,
        DueAt = Instant.FromDateTimeOffset(Start),
        Reason = "week-1",
        MessageKey = messageKey ?? $"{EnrollmentId}:{audience}:2027-03-04",
    };

    public Nudge Seed(Nudge nudge) => Nudges.Seed(nudge)[0];

    public void ChangeEnrollment(Func<Enrollment, Enrollment> change) => Enrollments.Seed(change(Enrollment()));

    public Task<DispatchOutcome> DispatchAsync(string nudgeId, CancellationToken cancellationToken = default) =>
        Dispatcher.DispatchAsync(EmployerId, nudgeId, cancellationToken);

    public Nudge Stored(string nudgeId) => Nudges.Get(EmployerId, nudgeId);

    public void AdvanceTo(Instant instant) => Clock.SetUtcNow(instant.ToDateTimeOffset());
}
