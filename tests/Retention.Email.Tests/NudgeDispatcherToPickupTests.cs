using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Email;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Testing;
using Retention.Testing.Fakes;

namespace Retention.Email.Tests;

/// <summary>The real dispatcher into the real pickup directory: a crash after the write and the replay leave one file.</summary>
public sealed class NudgeDispatcherToPickupTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2027, 3, 4, 8, 0, 0, TimeSpan.Zero);
    private readonly string directory = Directory.CreateTempSubdirectory("dispatch-pickup-").FullName;
    private readonly FakeTimeProvider clock = new(Start);
    private readonly InMemoryNudgeStore nudges = new();
    private readonly InMemoryEnrollmentStore enrollments = new();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Replays_a_send_that_crashed_before_being_recorded_without_a_second_file()
    {
        Seed();
        var pickup = new PickupDirectoryEmailSender(Options.Create(new EmailOptions { PickupDirectory = directory }), NullLogger<PickupDirectoryEmailSender>.Instance);
        using var crash = new CancellationTokenSource();
        var crashing = new CrashAfterSend(pickup, crash);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Dispatcher(crashing).DispatchAsync("acme", "a", crash.Token));
        Assert.Single(Directory.GetFiles(directory, "*.eml"));
        clock.Advance(new DispatchOptions().SendLease);
        var replay = await Dispatcher(pickup).DispatchAsync("acme", "b", CancellationToken.None);

        Assert.Equal(DispatchResult.Sent, replay.Result);
        var file = Assert.Single(Directory.GetFiles(directory, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("first-day, welcome-lunch", message.Subject);
        Assert.All(new[] { "a", "b" }, id => Assert.Equal(NudgeStatus.Sent, nudges.Get("acme", id).Status));
    }

    private NudgeDispatcher Dispatcher(IEmailSender sender) =>
        TestDispatchers.Create(nudges, enrollments, new ListingNudgeRenderer(), sender, clock, new DispatchOptions(), NullLogger<NudgeDispatcher>.Instance);

    private void Seed()
    {
        enrollments.Seed(new Enrollment
        {
            EmployerId = "acme",
            Id = "enr-1",
            Newcomer = new Newcomer("Audrey", "audrey@example.com", "en", "America/Chicago"),
            Ildsjel = new Ildsjel("Karianne", "karianne@example.no", "nb"),
            ArrivalDate = new LocalDate(2027, 3, 1),
            StartDate = new LocalDate(2027, 3, 3),
            Municipality = "Haugesund",
            Consent = new Consent(true),
            CreatedAt = Instant.FromUtc(2027, 1, 10, 9, 0),
        });
        foreach (var (id, kind) in new[] { ("a", "first-day"), ("b", "welcome-lunch") })
        {
            nudges.Seed(new Nudge
            {
                Id = id,
                EmployerId = "acme",
                EnrollmentId = "enr-1",
                Kind = kind,
                Audience = Audience.Ildsjel,
                DueAt = Instant.FromDateTimeOffset(Start),
                Reason = "week-1",
                MessageKey = "enr-1:ildsjel:2027-03-04",
            });
        }
    }

    /// <summary>Delivers, then "dies" before the dispatcher can record it.</summary>
    private sealed class CrashAfterSend(IEmailSender inner, CancellationTokenSource crash) : IEmailSender
    {
        public async Task<EmailSendResult> SendAsync(MimeMessage message, string idempotencyKey, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, idempotencyKey, cancellationToken);
            await crash.CancelAsync();
            crash.Token.ThrowIfCancellationRequested();
            return EmailSendResult.Sent;
        }
    }
}
