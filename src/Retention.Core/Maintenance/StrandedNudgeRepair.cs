using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Retention.Core.Application;
using Retention.Core.Journeys;
using Retention.Core.Scheduling;
using Retention.Core.Storage;

namespace Retention.Core.Maintenance;

/// <summary>
/// Housekeeping where nudges fire by scheduled messages (Service Bus): finds nudges whose message was lost and
/// schedules a new one now. Each repair first moves the nudge's next firing time to now with a compare-and-set, so
/// two instances never both repair one nudge and the next run does not pick it again while its message is pending;
/// the dispatcher then treats it like any due nudge (a <see cref="NudgeStatus.Sending"/> one with an expired lease is
/// taken over). The raw-record purge needs no step here: the Cosmos DB store sets a TTL on every raw record.
/// </summary>
public sealed partial class StrandedNudgeRepair(
    IStrandedNudgeQuery query,
    INudgeStore nudges,
    INudgeScheduler scheduler,
    RetentionClock clock,
    IOptions<StrandedNudgeRepairOptions> options,
    ILogger<StrandedNudgeRepair> logger) : IHousekeeping
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var repaired = 0;
        var conflicts = 0;
        while (repaired + conflicts < settings.MaxPerRun)
        {
            var now = clock.Now;
            var take = Math.Min(settings.BatchSize, settings.MaxPerRun - repaired - conflicts);
            var stranded = await query.ListStrandedAsync(now - Duration.FromTimeSpan(settings.Grace), take, cancellationToken);
            if (stranded.Count == 0)
            {
                break;
            }

            foreach (var nudge in stranded)
            {
                if (await RepairAsync(nudge, now, cancellationToken))
                {
                    repaired++;
                }
                else
                {
                    conflicts++;
                }
            }
        }

        LogRun(repaired, conflicts);
    }

    private async Task<bool> RepairAsync(Nudge nudge, Instant now, CancellationToken cancellationToken)
    {
        var marked = await nudges.TryUpdateAsync(nudge with { NextAttemptAt = now }, cancellationToken);
        if (marked is null)
        {
            // Changed since it was read (sent, cancelled, or repaired by another instance): nothing to do.
            return false;
        }

        var scheduled = (await scheduler.ScheduleAsync([marked], cancellationToken)).Single();
        if (scheduled.SchedulerHandle != marked.SchedulerHandle
            && await nudges.TryUpdateAsync(marked with { SchedulerHandle = scheduled.SchedulerHandle }, cancellationToken) is null)
        {
            // Dispatched in the meantime: the handle of a fired message is of no further use.
            LogHandleNotStored(nudge.EmployerId, nudge.Id);
        }

        LogRepaired(nudge.EmployerId, nudge.Id, nudge.Status);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stranded nudge {EmployerId}/{NudgeId} ({Status}) scheduled again")]
    private partial void LogRepaired(string employerId, string nudgeId, NudgeStatus status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nudge {EmployerId}/{NudgeId} changed before its new scheduler handle was stored")]
    private partial void LogHandleNotStored(string employerId, string nudgeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stranded-nudge repair: {Repaired} scheduled again, {Conflicts} changed meanwhile")]
    private partial void LogRun(int repaired, int conflicts);
}
