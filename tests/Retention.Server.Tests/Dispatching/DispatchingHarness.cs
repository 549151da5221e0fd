using Microsoft.Extensions.Logging;
using Retention.Core.Dispatch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Retention.Core.Content;
using Retention.Core.Email;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Scheduling;
using Retention.Core.Storage;
using Retention.Server.Dispatching;
using Retention.Testing;
using Retention.Testing.Fakes;

namespace Retention.Server.Tests.Dispatching;

/// <summary>The dispatching services as the server composes them, over in-memory stores and a fake clock.</summary>
internal sealed class DispatchingHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2027, 3, 4, 8, 0, 0, TimeSpan.Zero);

    public DispatchingHarness(Dictionary<string, string?>? settings = null, Func<InMemoryEnrollmentStore, IEnrollmentStore>? decorateEnrollments = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Retention:Dispatch:Queue:PollInterval"] = "00:00:05",
                ["Retention:Dispatch:Queue:BatchSize"] = "10",
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        Enrollments.Seed(Enrollment("enr-1"));
        Provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<INudgeStore>(Nudges)
            .AddSingleton<IEnrollmentStore>(decorateEnrollments?.Invoke(Enrollments) ?? Enrollments)
            .AddSingleton<IDueNudgeQueue>(Queue)
            .AddSingleton<INudgeRenderer>(new ListingNudgeRenderer())
            .AddSingleton<IEmailSender>(Sender)

            // What AddRetentionCore registers for the dispatcher, without the rest of Core's composition.
            .AddSingleton(p => TestDispatchers.Create(
                p.GetRequiredService<INudgeStore>(), p.GetRequiredService<IEnrollmentStore>(), p.GetRequiredService<INudgeRenderer>(),
                p.GetRequiredService<IEmailSender>(), p.GetRequiredService<TimeProvider>(), new DispatchOptions(),
                p.GetRequiredService<ILogger<NudgeDispatcher>>()))
            .AddRetentionDispatching()
            .BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public InMemoryNudgeStore Nudges { get; } = new();
    public InMemoryEnrollmentStore Enrollments { get; } = new();
    public RecordingEmailSender Sender { get; } = new();
    public ServiceProvider Provider { get; }

    public InMemoryDueNudgeQueue Queue => queue ??= new InMemoryDueNudgeQueue(Nudges);

    public DueQueueDispatcherService Service => Provider.GetRequiredService<DueQueueDispatcherService>();

    private InMemoryDueNudgeQueue? queue;

    public static Enrollment Enrollment(string id) => new()
    {
        EmployerId = "acme",
        Id = id,
        Newcomer = new Newcomer("Audrey", "audrey@example.com", "en", "America/Chicago"),
        Ildsjel = new Ildsjel("Karianne", "karianne@example.no", "nb"),
        ArrivalDate = new LocalDate(2027, 3, 1),
        StartDate = new LocalDate(2027, 3, 3),
        Municipality = "Haugesund",
        Consent = new Consent(true),
        CreatedAt = Instant.FromUtc(2027, 1, 10, 9, 0),
    };

    /// <summary>A nudge for its own message (its own key), due <paramref name="dueIn"/> after the start.</summary>
    public void SeedNudge(string id, TimeSpan dueIn = default, string enrollmentId = "enr-1") => Nudges.Seed(new Nudge
    {
        Id = id,
        EmployerId = "acme",
        EnrollmentId = enrollmentId,
        Kind = "local-events",
        Audience = Audience.Ildsjel,
        DueAt = Instant.FromDateTimeOffset(Start + dueIn),
        Reason = "week-2",
        MessageKey = "key-" + id,
    });

    public NudgeStatus StatusOf(string id) => Nudges.Get("acme", id).Status;

    public async ValueTask DisposeAsync() => await Provider.DisposeAsync();
}
