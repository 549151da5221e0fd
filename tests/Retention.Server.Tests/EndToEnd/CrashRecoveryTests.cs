using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using Retention.Core.Content;
using Retention.Core.Dispatch;
using Retention.Core.Journeys;
using Retention.Testing;
using Xunit.Abstractions;

namespace Retention.Server.Tests.EndToEnd;

/// <summary>
/// A real server process is killed with SIGKILL while it works through a backlog of more than a thousand due
/// nudges, restarted, and the SMTP server's mailbox checked: every nudge went out, and no message twice except one
/// that was in flight at the kill (SMTP cannot take back a message accepted just before the process died).
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "Slow")]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    public const string Employer = "acme";
    private const int Enrollments = 40;
    private const int MinimumNudges = 1000;
    private const int KillAfterMessages = 100;

    // Far enough ahead that every planned nudge (up to the 24-month confirmation and its follow-ups) is due.
    private static readonly TimeSpan ClockOffset = TimeSpan.FromDays(900);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Killed_mid_backlog_and_restarted_the_server_delivers_every_due_nudge_and_repeats_at_most_the_messages_in_flight_at_the_kill()
    {
        var total = Stopwatch.StartNew();
        var dataDirectory = Directory.CreateTempSubdirectory("retention-crash-").FullName;
        try
        {
            await using var maildev = await MaildevServer.StartAsync();
            var database = Path.Combine(dataDirectory, "retention.db");
            var quiet = new Dictionary<string, string>
            {
                ["Retention:DataDirectory"] = dataDirectory,
                ["Logging:LogLevel:Default"] = "Warning",
            };

            // (1) Dispatch off, real time: a key from the CLI, then enough enrolments for a backlog.
            var key = (await ServerProcess.RunCliAsync(["keys", "create", "--employer", Employer], quiet, StartTimeout))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
            var regionKey = (await ServerProcess.RunCliAsync(["keys", "create", "--region", SampleRegions.HaugalandetId], quiet, StartTimeout))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
            var enrollmentIds = new List<string>();
            await using (var planning = await ServerProcess.StartAsync(CrashBacklog.With(quiet, ("Retention:Dispatch:Enabled", "false")), StartTimeout))
            {
                // The region's content, as its curators would publish it, around the time the dispatching server's clock shows:
                // the local-events and family nudges then have something to say instead of being skipped.
                using (var curator = CrashBacklog.Client(planning, regionKey))
                using (var published = await curator.PutAsync(
                    new Uri($"/api/v1/regions/{SampleRegions.HaugalandetId}", UriKind.Relative),
                    ApiRequests.Json(SampleRegions.HaugalandetDocument(SystemClock.Instance.GetCurrentInstant() + Duration.FromTimeSpan(ClockOffset)))))
                {
                    Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
                }

                using var api = CrashBacklog.Client(planning, key);
                for (var i = 0; i < Enrollments; i++)
                {
                    enrollmentIds.Add(await ApiRequests.EnrollAsync(api, Employer, CrashBacklog.Enrollment(i)));
                }

                var planned = 0;
                foreach (var id in enrollmentIds)
                {
                    planned += (await JourneyNudge.GetAsync(api, Employer, id)).Count;
                }

                Assert.True(planned >= MinimumNudges, $"only {planned} nudges planned");
                await planning.KillAsync();
            }

            var nudges = await NudgeLedger.ReadAsync(database);
            Assert.All(nudges, n => Assert.Equal(NudgeStatus.Scheduled, n.Status));
            output.WriteLine($"planned: {nudges.Count} nudges for {Enrollments} enrolments in {total.Elapsed.TotalSeconds:F1} s");

            // (2) Dispatch on, clock far ahead so everything is due, SMTP to maildev; SIGKILL once some mail is out.
            var dispatching = CrashBacklog.With(
                quiet,
                ("Retention:Dispatch:Enabled", "true"),
                ("Retention:Clock:Offset", ClockOffset.ToString("c", CultureInfo.InvariantCulture)),
                ("Retention:Email:Provider", "Smtp"),
                ("Retention:Email:Smtp:Host", maildev.Host),
                ("Retention:Email:Smtp:Port", maildev.SmtpPort.ToString(CultureInfo.InvariantCulture)),
                ("Retention:Email:Smtp:Security", "None"),
                ("Retention:Dispatch:SendLease", "00:00:10"),
                ("Retention:Dispatch:Queue:ClaimLease", "00:00:10"),
                ("Retention:Dispatch:Queue:PollInterval", "00:00:00.200"),

                // The backlog is due on the wall clock (shifted by days, not hours): whatever hour CI runs at, the
                // drain is about crashes, not the recipients' sending window.
                ("Retention:Dispatch:KeepSendingWindow", "false"));
            var dispatchStarted = total.Elapsed;
            int mailedAtKill;
            await using (var first = await ServerProcess.StartAsync(dispatching, StartTimeout))
            {
                await maildev.WaitForEmailsAsync(KillAfterMessages, DrainTimeout);
                await first.KillAsync();
                mailedAtKill = (await maildev.GetEmailsAsync()).Count;
            }

            var atKill = await NudgeLedger.ReadAsync(database);
            output.WriteLine($"killed after {(total.Elapsed - dispatchStarted).TotalSeconds:F1} s: {mailedAtKill} messages in the mailbox; nudges sent {atKill.Count(n => n.Status == NudgeStatus.Sent)}, sending {atKill.Count(n => n.Status == NudgeStatus.Sending)}, scheduled {atKill.Count(n => n.Status == NudgeStatus.Scheduled)}");
            Assert.Contains(atKill, n => n.Status == NudgeStatus.Scheduled);

            // (3) Restart the same way and let it drain the rest.
            var restarted = total.Elapsed;
            await using (var second = await ServerProcess.StartAsync(dispatching, StartTimeout))
            {
                using var api = CrashBacklog.Client(second, key);
                await DrainAsync(api, enrollmentIds, second);
                await second.KillAsync();
            }

            output.WriteLine($"drained {(total.Elapsed - restarted).TotalSeconds:F1} s after the restart");

            // (4) The mailbox against the store.
            var mailbox = await maildev.GetEmailsAsync();
            var final = await NudgeLedger.ReadAsync(database);
            var due = final.Where(n => n.DueAt <= Instant.FromDateTimeOffset(DateTimeOffset.UtcNow + ClockOffset)).ToList();
            var sent = final.Where(n => n.Status == NudgeStatus.Sent).ToList();
            var expectedKeys = CrashBacklog.MessageKeys(sent);
            var inFlightAtKill = CrashBacklog.MessageKeys(atKill.Where(n => n.Status == NudgeStatus.Sending));
            var receivedKeys = mailbox.Select(m => m.Header("X-Retention-Idempotency-Key") ?? "(none)").ToList();
            var copies = receivedKeys.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var duplicates = copies.Where(c => c.Value > 1).ToList();
            var byStatus = string.Join(", ", final.GroupBy(n => n.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
            output.WriteLine($"nudges {final.Count} (due {due.Count}): {byStatus}; messages received {mailbox.Count}, distinct keys {copies.Count}, distinct Message-Ids {mailbox.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count()}, expected messages {expectedKeys.Count}; messages in flight at the kill {inFlightAtKill.Count}; total {total.Elapsed.TotalSeconds:F1} s");
            output.WriteLine($"sent nudges claimed more than once (taken over after the kill): {sent.Count(n => n.Attempts > 1)}");
            foreach (var (duplicate, count) in duplicates)
            {
                // The known limit of SMTP: the kill fell between the server's 250 and "mark sent", so the replay sent it again.
                output.WriteLine($"DUPLICATE x{count}: {duplicate} (in flight at the kill: {inFlightAtKill.Contains(duplicate)})");
            }

            foreach (var cancelled in final.Where(n => n.Status == NudgeStatus.Cancelled).GroupBy(n => n.Kind))
            {
                output.WriteLine($"cancelled {cancelled.Key}: {cancelled.Count()}");
            }

            Assert.Equal(final.Count, due.Count);
            Assert.True(due.Count >= MinimumNudges, $"only {due.Count} nudges due");
            Assert.True(mailbox.Count > mailedAtKill, "the kill came after the last message: nothing was left for the restart");

            // Every message that should exist arrived, and nothing else did.
            Assert.Equal(expectedKeys.Order(StringComparer.Ordinal), copies.Keys.Order(StringComparer.Ordinal));

            // Exactly once, except the one window SMTP cannot close: a message in flight when the process died may have
            // been accepted before its nudges were marked sent; the replay (same key and Message-Id) then arrives again.
            // Those are printed above and counted here; nothing else may arrive twice, and nothing more than twice.
            Assert.All(duplicates, d => Assert.True(inFlightAtKill.Contains(d.Key) && d.Value == 2, $"{d.Key} arrived {d.Value} times"));
            Assert.Equal(mailbox.Count, expectedKeys.Count + duplicates.Count);

            // A replay carries the same Message-Id, so a receiving system can recognise the repeat.
            Assert.Equal(copies.Count, mailbox.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());

            // Every due nudge went out; the only others are follow-ups cancelled because their original is gone.
            Assert.All(due, n => Assert.True(
                n.Status == NudgeStatus.Sent || (n.Status == NudgeStatus.Cancelled && n.FollowsUpNudgeId is not null),
                $"{n.Kind} ({n.Audience}) is {n.Status}"));
        }
        finally
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    /// <summary>Polls the journeys until nothing due is still scheduled or sending, or fails after the timeout.</summary>
    private async Task DrainAsync(HttpClient api, IReadOnlyList<string> enrollmentIds, ServerProcess server)
    {
        var watch = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        while (true)
        {
            var now = DateTimeOffset.UtcNow + ClockOffset;
            var pending = 0;
            foreach (var id in enrollmentIds)
            {
                pending += (await JourneyNudge.GetAsync(api, Employer, id)).Count(n => n.IsPendingAt(now));
            }

            if (pending == 0)
            {
                return;
            }

            Assert.False(server.HasExited, $"the restarted server exited:\n{server.Output}");
            Assert.True(watch.Elapsed < DrainTimeout, $"{pending} nudges still pending after {DrainTimeout}:\n{server.Output}");
            if (watch.Elapsed - reported > TimeSpan.FromSeconds(10))
            {
                reported = watch.Elapsed;
                output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s after the restart: {pending} nudges pending");
            }

            await Task.Delay(500);
        }
    }
}
