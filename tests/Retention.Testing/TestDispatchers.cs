using Microsoft.Extensions.Logging;
using NodaTime;
using Retention.Core.Application;
using Retention.Core.Content;
using Retention.Core.Dispatch;
using Retention.Core.Email;
using Retention.Core.Journeys;
using Retention.Core.Privacy;
using Retention.Core.Scheduling;
using Retention.Core.Storage;
using Retention.Core.Unsubscribes;
using Retention.Testing.Fakes;

namespace Retention.Testing;

/// <summary>A <see cref="NudgeDispatcher"/> over the given stores with Core's own collaborators, as <c>AddRetentionCore</c> composes it.</summary>
public static class TestDispatchers
{
    /// <summary>The privacy key of the tests (32 zero bytes): hashes are stable across a test run.</summary>
    public static Pseudonyms Pseudonyms { get; } = new(new PrivacyOptions { HashKey = Convert.ToBase64String(new byte[32]) });

    public static NudgeDispatcher Create(
        INudgeStore nudges,
        IEnrollmentStore enrollments,
        INudgeRenderer renderer,
        IEmailSender sender,
        TimeProvider clock,
        DispatchOptions options,
        ILogger<NudgeDispatcher> logger,
        IUnsubscribeStore? unsubscribes = null,
        INudgeScheduler? scheduler = null)
    {
        var events = new InMemoryEventStore();
        return new CoreServices(enrollments, nudges, events, unsubscribes ?? new InMemoryUnsubscribeStore(), clock, renderer, sender, scheduler, options, logger).Dispatcher;
    }
}
