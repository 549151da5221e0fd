using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Retention.Core.Application;
using Retention.Core.Content;
using Retention.Core.Diagnostics;
using Retention.Core.Dispatch;
using Retention.Core.Email;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Links;
using Retention.Core.Scheduling;
using Retention.Core.Storage;
using Retention.Core.Unsubscribes;
using Retention.Testing.Fakes;

namespace Retention.Testing;

/// <summary>
/// Core's application services over the given stores, composed as <c>AddRetentionCore</c> composes them, for tests
/// that drive the real rules against a real (or verified in-memory) store without a host.
/// </summary>
public sealed class CoreServices
{
    public CoreServices(
        IEnrollmentStore enrollments,
        INudgeStore nudges,
        IEventStore events,
        IUnsubscribeStore unsubscribes,
        TimeProvider clock,
        INudgeRenderer? renderer = null,
        IEmailSender? sender = null,
        INudgeScheduler? scheduler = null,
        DispatchOptions? dispatch = null,
        ILogger<NudgeDispatcher>? logger = null,
        TimeSpan? maxWait = null,
        IRegionalContentSource? regional = null,
        RetentionMetrics? metrics = null)
    {
        Metrics = metrics ?? new RetentionMetrics(new TestMeterFactory(), clock);
        Clock = new RetentionClock(clock);
        Signer = new ActionTokenSigner(new ActionLinkOptions { SigningKey = Convert.ToBase64String(new byte[32]) });
        Planner = new JourneyPlanner(new PlanningOptions());
        Unsubscribes = new UnsubscribeService(unsubscribes, TestDispatchers.Pseudonyms, Clock);
        Journeys = new JourneyChanges(nudges, scheduler ?? new RecordingNudgeScheduler(), Planner, Unsubscribes, Clock, Metrics);
        Changes = new EnrollmentChanges(enrollments, Journeys, Clock, Duration.FromSeconds(30), maxWait);
        Enrollment = new EnrollmentService(new EnrollmentValidator(), Planner, enrollments, Changes, Journeys, Unsubscribes, TestDispatchers.Pseudonyms, Clock);
        Links = new LinkActionService(Signer, enrollments, nudges, events, new CheckInService(enrollments, events, Clock), Changes, Journeys, Unsubscribes, Clock);
        Dispatcher = new NudgeDispatcher(
            nudges, enrollments, Changes, Unsubscribes, new SendingWindow(new PlanningOptions()),
            new LocalContentCheck(regional ?? new InMemoryRegionalContentSource(SampleRegions.Haugalandet(Instant.FromDateTimeOffset(clock.GetUtcNow()))), new RenderingOptions()), renderer ?? new ListingNudgeRenderer(), sender ?? new RecordingEmailSender(), clock,
            dispatch ?? new DispatchOptions(), Metrics, logger ?? NullLogger<NudgeDispatcher>.Instance);
    }

    public RetentionMetrics Metrics { get; }

    public RetentionClock Clock { get; }

    public IActionTokenSigner Signer { get; }

    public JourneyPlanner Planner { get; }

    public UnsubscribeService Unsubscribes { get; }

    public JourneyChanges Journeys { get; }

    public EnrollmentChanges Changes { get; }

    public EnrollmentService Enrollment { get; }

    public LinkActionService Links { get; }

    public NudgeDispatcher Dispatcher { get; }
}
