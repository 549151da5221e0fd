using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Retention.Core.Maintenance;

namespace Retention.Functions.Maintenance;

/// <summary>
/// Hourly upkeep: <see cref="StrandedNudgeRepair"/> schedules again every nudge whose Service Bus message was lost
/// (dead-lettered, or never sent); raw records expire by their Cosmos DB TTL, so no purge step is needed. The host
/// runs a timer function on one instance at a time, and each repair is a compare-and-set, so an overlap is harmless.
/// </summary>
public sealed class HousekeepingFunction(ILogger<HousekeepingFunction> logger, IHousekeeping? housekeeping = null)
{
    [Function(nameof(HousekeepingFunction))]
    public async Task Run([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (housekeeping is null)
        {
            logger.LogWarning("Housekeeping is not configured; run skipped (past due: {PastDue})", timer.IsPastDue);
            return;
        }

        logger.LogInformation("Housekeeping started; past due: {PastDue}", timer.IsPastDue);
        await housekeeping.RunAsync(cancellationToken);
    }
}
