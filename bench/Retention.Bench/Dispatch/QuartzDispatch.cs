using System.Globalization;
using NodaTime;
using Quartz;

namespace Retention.Bench.Dispatch;

/// <summary>The same messages as Quartz.NET one-shot triggers in the RAM job store, one job per message.</summary>
public static class QuartzDispatch
{
    private static MessageWork? work;

    public static async Task<DispatchRun> RunAsync(MessageWork messageWork, Instant[] due, int threads, TimeSpan timeout)
    {
        work = messageWork;
        var scheduler = await QuartzSchedulerBuilder
            .Create(q => q
                .ConfigureScheduler(options => options.InstanceName = "bench")
                .UseDefaultThreadPool(maxConcurrency: threads)
                .UseInMemoryStore())
            .BuildScheduler();
        var scheduling = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < due.Length; i++)
        {
            var job = JobBuilder.Create<SendJob>().WithIdentity("send-" + i.ToString(CultureInfo.InvariantCulture)).UsingJobData("i", i).Build();
            var trigger = TriggerBuilder.Create().StartAt(due[i].ToDateTimeOffset()).Build();
            await scheduler.ScheduleJob(job, trigger);
        }

        Console.WriteLine($"quartz: {due.Length:N0} one-shot triggers scheduled in {scheduling.Elapsed.TotalSeconds:F1} s; {threads} threads, RAMJobStore");
        await scheduler.Start();
        await DispatchRun.WaitAsync(() => messageWork.SentCount, due.Length, timeout);
        await scheduler.Shutdown(waitForJobsToComplete: false);
        return new DispatchRun("quartz", due, messageWork.Sent);
    }

    /// <summary>The Quartz job: one message.</summary>
    public sealed class SendJob : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
            await work!.RunAsync(context.MergedJobDataMap.GetInt("i"));
    }
}
