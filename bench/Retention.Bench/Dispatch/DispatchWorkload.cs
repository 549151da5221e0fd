using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Retention.Core.Content;
using Retention.Core.Dispatch;
using Retention.Core.Email;
using Retention.Storage.Sqlite;

namespace Retention.Bench.Dispatch;

/// <summary>
/// <c>dispatch [--count N] [--window S] [--parallelism P] [--batch B] [--poll-ms MS] [--timeout S] [--skip-hangfire] [--skip-quartz] [--smtp]</c>:
/// N nudges due evenly over S seconds (0: all at once) in a real SQLite file, sent by the real server's due-queue
/// dispatcher into a pickup directory; then the same messages as Hangfire and Quartz.NET delayed jobs doing the same
/// render + .eml write. Reports throughput, lateness and the ratios.
/// </summary>
public static class DispatchWorkload
{
    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = BenchArgs.Smoke(args);
        var count = BenchArgs.Int(args, "--count", smoke ? 200 : 100_000);
        var window = BenchArgs.Double(args, "--window", count / 2000.0);
        var parallelism = BenchArgs.Int(args, "--parallelism", 4);
        var batch = BenchArgs.Int(args, "--batch", 50);
        var poll = TimeSpan.FromMilliseconds(BenchArgs.Int(args, "--poll-ms", 500));
        var timeout = TimeSpan.FromSeconds(BenchArgs.Int(args, "--timeout", smoke ? 60 : 900));
        var lead = Duration.FromSeconds(2);
        using var sink = BenchArgs.Flag(args, "--smtp") ? new SmtpSink() : null;
        var scratch = Machine.ScratchDirectory("dispatch");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dispatch: {count:N0} nudges due over {window:F1} s ({(window > 0 ? count / window : double.PositiveInfinity):N0}/s), parallelism {parallelism}, batch {batch}, poll {poll.TotalMilliseconds} ms; scratch {scratch}; {Machine.Describe()}"));
        try
        {
            var spacing = window > 0 ? Duration.FromSeconds(window / count) : Duration.Zero;
            Instant[] Schedule(Instant first) => Enumerable.Range(0, count).Select(i => first + spacing * i).ToArray();

            var recorder = default(SendRecorder);
            var seeder = default(BulkSeeder);
            var due = Array.Empty<Instant>();
            var settings = new Dictionary<string, string>
            {
                ["Retention:Email:PickupDirectory"] = Path.Combine(scratch, "outbox"),
                ["Retention:Dispatch:Queue:PollInterval"] = poll.ToString("c", CultureInfo.InvariantCulture),
                ["Retention:Dispatch:Queue:BatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
                ["Retention:Dispatch:Queue:MaxParallelism"] = parallelism.ToString(CultureInfo.InvariantCulture),

                // The run schedules on the wall clock at whatever hour it runs; the sending window is not what it measures.
                ["Retention:Dispatch:KeepSendingWindow"] = "false",
            };
            if (sink is not null)
            {
                // The real SMTP sender (MailKit, connection pool) to a local sink instead of the pickup directory.
                settings["Retention:Email:Provider"] = "Smtp";
                settings["Retention:Email:Smtp:Host"] = "127.0.0.1";
                settings["Retention:Email:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture);
                settings["Retention:Email:Smtp:Security"] = "None";
                Console.WriteLine($"dispatch: sending over SMTP to a local sink at 127.0.0.1:{sink.Port}");
            }
            await using var server = await BenchServer.StartAsync(Path.Combine(scratch, "server"), settings, RecordSends, async services =>
            {
                var database = services.GetRequiredService<SqliteDatabase>();
                seeder = new BulkSeeder(database);
                var far = Instant.FromUtc(2100, 1, 1, 0, 0);
                await seeder.SeedAsync(count, 1, (i, _) => far + spacing * i);

                // Seeding takes a while: move the whole schedule to start just after the server does.
                var first = SystemClock.Instance.GetCurrentInstant() + lead;
                due = Schedule(first);
                await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
                using var shift = connection.CreateCommand();
                shift.CommandText = "UPDATE nudges SET due_at = due_at - $by";
                shift.Parameters.AddWithValue("$by", (far - first).BclCompatibleTicks);
                shift.ExecuteNonQuery();
                recorder = (SendRecorder)services.GetRequiredService<IEmailSender>();
            });

            Console.WriteLine($"dispatch: server dispatching (load average {Machine.LoadAverage()})");
            var keys = Enumerable.Range(0, count)
                .Select(i => MessageIdempotencyKey.For(seeder!.Template.EmployerId, [seeder.TemplateNudge with { Id = BulkSeeder.NudgeId(i, 0) }]))
                .ToArray();
            await DispatchRun.WaitAsync(() => recorder!.Sent.Count, count, timeout);
            var ours = new DispatchRun("retention", due, keys.Select(k => recorder!.Sent.TryGetValue(k, out var at) ? at : (Instant?)null).ToArray());
            Console.WriteLine(ours.Summary() + (sink is null ? "" : $"; SMTP sink received {sink.Received:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dispatch: targets ≥ 2,000/s {(ours.Throughput >= 2000 ? "met" : "NOT met")}, p99 lateness ≤ 1 s {(ours.Lateness.Percentile(99) <= 1000 ? "met" : "NOT met")}; RSS {Machine.ResidentMegabytes():N0} MB"));
            await server.App.StopAsync();

            var renderer = server.App.Services.GetRequiredService<INudgeRenderer>();
            var runs = new List<DispatchRun> { ours };
            if (!BenchArgs.Flag(args, "--skip-hangfire"))
            {
                var hangfireDue = Schedule(SystemClock.Instance.GetCurrentInstant() + lead + Duration.FromSeconds(count / 20_000.0));
                var work = new MessageWork(renderer, Path.Combine(scratch, "hangfire"), seeder!.Template, seeder.TemplateNudge, hangfireDue);
                runs.Add(await HangfireDispatch.RunAsync(work, hangfireDue, parallelism, poll, timeout));
                Console.WriteLine(runs[^1].Summary());
            }

            if (!BenchArgs.Flag(args, "--skip-quartz"))
            {
                var quartzDue = Schedule(SystemClock.Instance.GetCurrentInstant() + lead + Duration.FromSeconds(count / 20_000.0));
                var work = new MessageWork(renderer, Path.Combine(scratch, "quartz"), seeder!.Template, seeder.TemplateNudge, quartzDue);
                runs.Add(await QuartzDispatch.RunAsync(work, quartzDue, parallelism, timeout));
                Console.WriteLine(runs[^1].Summary());
            }

            foreach (var other in runs.Skip(1))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"dispatch: retention / {other.Engine} throughput ratio {ours.Throughput / other.Throughput:F2} (target ≥ 5); p99 lateness {ours.Lateness.Percentile(99):F0} ms vs {other.Lateness.Percentile(99):F0} ms"));
            }

            Console.WriteLine($"dispatch: load average at the end {Machine.LoadAverage()}");
            return ours.SentCount == count ? 0 : 1;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Wraps the composed e-mail sender so the run knows when each message's send returned.</summary>
    private static void RecordSends(IServiceCollection services)
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(IEmailSender));
        services.Remove(descriptor);
        services.AddSingleton<IEmailSender>(provider => new SendRecorder(
            (IEmailSender)(descriptor.ImplementationFactory?.Invoke(provider) ?? descriptor.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!))));
    }
}
