using Microsoft.Extensions.Options;
using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Scheduling;

namespace Retention.Server.Dispatching;

/// <summary>
/// The self-hosted dispatcher: claims due nudges from the due-queue with a lease, dispatches each (a few at a
/// time), releases the claim, and polls again. One failing nudge never stops it; a crash mid-send leaves the
/// claim to expire, and the next claim replays the send under the same idempotency key.
/// </summary>
public sealed class DueQueueDispatcherService(
    IDueNudgeQueue queue,
    NudgeDispatcher dispatcher,
    TimeProvider timeProvider,
    IOptions<DueQueueDispatcherOptions> options,
    ILogger<DueQueueDispatcherService> logger) : BackgroundService
{
    // However fast a demo clock runs, an idle poll loop waits at least this much real time (no busy spin).
    private static readonly TimeSpan MinimumRealWait = TimeSpan.FromMilliseconds(20);

    private readonly DueQueueDispatcherOptions settings = options.Value;

    /// <summary>One poll: claims a batch, dispatches it, releases the claims.</summary>
    public async Task<DuePollResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
        var due = await queue.ClaimDueAsync(now, Duration.FromTimeSpan(settings.ClaimLease), settings.BatchSize, cancellationToken);
        var progressed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due, parallel, async (claimed, token) =>
        {
            if (await DispatchOneAsync(claimed, token))
            {
                Interlocked.Increment(ref progressed);
            }
        });
        return new DuePollResult(due.Count, progressed);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DispatchingLog.Started(logger, settings.PollInterval, settings.BatchSize, settings.MaxParallelism);
        ReserveThreads(settings.MaxParallelism);
        while (!stoppingToken.IsCancellationRequested)
        {
            var poll = new DuePollResult(0, 0);
            try
            {
                poll = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                DispatchingLog.ClaimFailed(logger, ex);
            }

            // A full batch that moved forward means more may be waiting: poll again at once. Otherwise wait, so
            // nudges deferred to another dispatcher's live lease are not re-claimed in a tight loop.
            if (poll.Claimed == settings.BatchSize && poll.Progressed > 0)
            {
                continue;
            }

            try
            {
                await Task.WhenAll(
                    Task.Delay(settings.PollInterval, timeProvider, stoppingToken),
                    Task.Delay(MinimumRealWait, TimeProvider.System, stoppingToken));
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        DispatchingLog.Stopped(logger);
    }

    /// <summary>
    /// Each dispatch worker spends most of its time blocking a thread-pool thread (Microsoft.Data.Sqlite's async
    /// calls run synchronously; the pickup sender's flush to disk is synchronous). With only the default minimum of
    /// one thread per core, the workers starve the continuations they wait for (the SQLite group commit's writer,
    /// Kestrel) and the pool adds threads only slowly: measured at parallelism 4 on 2 cores, 196 nudges/s
    /// instead of 357/s. So keep enough threads ready for the workers plus the rest of the server.
    /// </summary>
    private static void ReserveThreads(int workers)
    {
        ThreadPool.GetMinThreads(out var minWorkers, out var minCompletionPorts);
        var wanted = (2 * workers) + Environment.ProcessorCount;
        if (minWorkers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, minCompletionPorts);
        }
    }

    /// <summary>True when the dispatch settled something (anything but "someone else holds it, look later").</summary>
    private async Task<bool> DispatchOneAsync(DueNudge claimed, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await dispatcher.DispatchAsync(claimed.EmployerId, claimed.NudgeId, cancellationToken);
            DispatchingLog.Dispatched(logger, claimed.NudgeId, claimed.EmployerId, outcome.Result);
            return !(outcome.Result == DispatchResult.Duplicate && outcome.RetryAt is not null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            DispatchingLog.DispatchThrew(logger, ex, claimed.NudgeId, claimed.EmployerId);
            return false;
        }
        finally
        {
            try
            {
                await queue.ReleaseAsync(claimed, CancellationToken.None);
            }
            catch (Exception ex)
            {
                DispatchingLog.ReleaseFailed(logger, ex, claimed.NudgeId, claimed.EmployerId);
            }
        }
    }
}
