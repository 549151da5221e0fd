using Hangfire;
using NodaTime;

namespace Retention.Bench.Dispatch;

/// <summary>The same messages as Hangfire delayed jobs on in-memory storage, one job per message.</summary>
public static class HangfireDispatch
{
    private static MessageWork? work;

    /// <summary>The job Hangfire invokes (public and static so that it can be serialised by name).</summary>
    public static Task Send(int i) => work!.RunAsync(i);

    public static async Task<DispatchRun> RunAsync(MessageWork messageWork, Instant[] due, int workers, TimeSpan pollInterval, TimeSpan timeout)
    {
        work = messageWork;
        GlobalConfiguration.Configuration.UseInMemoryStorage();
        var scheduling = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < due.Length; i++)
        {
            var index = i;
            BackgroundJob.Schedule(() => Send(index), due[i].ToDateTimeOffset());
        }

        Console.WriteLine($"hangfire: {due.Length:N0} delayed jobs scheduled in {scheduling.Elapsed.TotalSeconds:F1} s; {workers} workers, schedule polling every {pollInterval.TotalSeconds:F1} s");
        using (new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = workers, SchedulePollingInterval = pollInterval }))
        {
            await DispatchRun.WaitAsync(() => messageWork.SentCount, due.Length, timeout);
        }

        return new DispatchRun("hangfire", due, messageWork.Sent);
    }
}
