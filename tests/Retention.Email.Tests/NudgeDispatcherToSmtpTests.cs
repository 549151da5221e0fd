using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Testing;
using Retention.Testing.Fakes;

namespace Retention.Email.Tests;

/// <summary>The real dispatcher through the rate limit into a real SMTP server: what the limit holds back comes later.</summary>
public sealed class NudgeDispatcherToSmtpTests(MaildevFixture maildev) : IClassFixture<MaildevFixture>
{
    private static readonly DateTimeOffset Start = new(2027, 3, 4, 8, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Sends_up_to_the_rate_and_reschedules_the_rest_as_throttled()
    {
        var server = maildev.Require();
        var run = Guid.NewGuid().ToString("N")[..8];
        var clock = new FakeTimeProvider(Start);
        var nudges = new InMemoryNudgeStore();
        var enrollments = new InMemoryEnrollmentStore();
        enrollments.Seed(Enrollment());
        var ids = Enumerable.Range(0, 5).Select(i => $"{run}-{i}").ToList();
        foreach (var id in ids)
        {
            nudges.Seed(Nudge(id));
        }

        await using var smtp = new SmtpEmailSender(
            Options.Create(new EmailOptions { Provider = EmailProvider.Smtp, Smtp = new SmtpOptions { Host = server.Host, Port = server.SmtpPort, Security = MailKit.Security.SecureSocketOptions.None } }),
            NullLogger<SmtpEmailSender>.Instance);
        using var limited = new RateLimitedEmailSender(smtp, new EmailRateLimitOptions { PerMinute = 3, MaxWait = TimeSpan.Zero });
        var dispatcher = TestDispatchers.Create(nudges, enrollments, new ListingNudgeRenderer(), limited, clock, new DispatchOptions(), NullLogger<NudgeDispatcher>.Instance);

        var outcomes = new List<DispatchOutcome>();
        foreach (var id in ids)
        {
            outcomes.Add(await dispatcher.DispatchAsync("acme", id, CancellationToken.None));
        }

        Assert.Equal(3, outcomes.Count(o => o.Result == DispatchResult.Sent));
        var throttled = outcomes.Where(o => o.Result == DispatchResult.Throttled).ToList();
        Assert.Equal(2, throttled.Count);
        Assert.All(throttled, o => Assert.True(o.RetryAt > Instant.FromDateTimeOffset(Start)));
        Assert.All(ids.Skip(3), id =>
        {
            Assert.Equal(NudgeStatus.Scheduled, nudges.Get("acme", id).Status);
            Assert.Equal(0, nudges.Get("acme", id).Attempts);
        });
        var arrived = await WaitAsync(server, emails => emails.Count(e => e.Subject == run) >= 3);
        Assert.Equal(3, arrived.Count(e => e.Subject == run));
        Assert.All(arrived.Where(e => e.Subject == run), e => Assert.Equal(["karianne@example.no"], e.Recipients));
    }

    private static Enrollment Enrollment() => new()
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
    };

    // The kind doubles as the subject (ListingNudgeRenderer), which tags this run's messages in the shared mailbox.
    private static Nudge Nudge(string id) => new()
    {
        Id = id,
        EmployerId = "acme",
        EnrollmentId = "enr-1",
        Kind = id[..id.IndexOf('-', StringComparison.Ordinal)],
        Audience = Audience.Ildsjel,
        DueAt = Instant.FromDateTimeOffset(Start),
        Reason = "week-2",
        MessageKey = "key-" + id,
    };

    private static async Task<IReadOnlyList<MaildevEmail>> WaitAsync(MaildevServer server, Func<IReadOnlyList<MaildevEmail>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var emails = await server.GetEmailsAsync();
            if (done(emails) || DateTime.UtcNow > deadline)
            {
                return emails;
            }

            await Task.Delay(100);
        }
    }
}
