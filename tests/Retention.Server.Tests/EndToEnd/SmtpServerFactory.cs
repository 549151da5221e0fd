using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Retention.Testing;

namespace Retention.Server.Tests.EndToEnd;

/// <summary>
/// The whole server in process with the background dispatcher ON, sending over SMTP to a real maildev, over a
/// real SQLite file in a fresh temp data directory. The clock is a <see cref="FakeTimeProvider"/>: the
/// dispatcher's poll waits on it, so a test moves time with <see cref="MoveClockTo"/> and then one <see cref="PollInterval"/> at a time.
/// </summary>
public sealed class SmtpServerFactory(MaildevServer maildev) : WebApplicationFactory<Program>
{
    public const string PublicBaseUrl = "https://retention.test";

    /// <summary>How far the fake clock moves per poll step; also the dispatcher's poll interval.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("retention-e2e-").FullName;

    /// <summary>2027-01-11 09:00 Oslo, a Monday.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 11, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Moves the clock forward to <paramref name="target"/>; a target in its past leaves it where it is.</summary>
    public void MoveClockTo(DateTimeOffset target)
    {
        var now = Clock.GetUtcNow();
        if (target > now)
        {
            Clock.Advance(target - now);
        }
    }

    /// <summary>
    /// Lets time pass up to <paramref name="target"/> as it would: the clock stops at each nudge's due time on the way
    /// (so each is dispatched when it is due, inside its recipient's window, not all at once at the target), and the
    /// dispatcher gets one poll interval at a time until nothing due is left (bounded by a real-time <paramref name="timeout"/>).
    /// </summary>
    public async Task SettleAsync(HttpClient api, string employer, string enrollmentId, DateTimeOffset target, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(api);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var journey = await JourneyNudge.GetAsync(api, employer, enrollmentId);
            var now = Clock.GetUtcNow();
            if (!journey.Any(n => n.IsPendingAt(now)))
            {
                var next = journey.Where(n => n.Status == "scheduled" && n.EffectiveDueAt > now && n.EffectiveDueAt <= target)
                    .Select(n => (DateTimeOffset?)n.EffectiveDueAt).Min();
                if (next is null && now >= target)
                {
                    return;
                }

                MoveClockTo(next ?? target);
            }

            Clock.Advance(PollInterval);
            Assert.True(watch.Elapsed < timeout, $"nudges still due at {Clock.GetUtcNow():O} after {timeout}: " +
                string.Join(", ", journey.Where(n => n.IsPendingAt(Clock.GetUtcNow())).Select(n => $"{n.Kind}:{n.Status}")));
            await Task.Delay(50);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Retention:DataDirectory", DataDirectory);
        builder.UseSetting("Retention:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Retention:Dispatch:Enabled", "true");
        builder.UseSetting("Retention:Dispatch:Queue:PollInterval", PollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Retention:Email:Provider", "Smtp");
        builder.UseSetting("Retention:Email:Smtp:Host", maildev.Host);
        builder.UseSetting("Retention:Email:Smtp:Port", maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Retention:Email:Smtp:Security", "None");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open on the way out is not worth failing a test run for.
            }
        }
    }
}
