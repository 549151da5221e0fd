using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Retention.Core.Maintenance;

namespace Retention.Functions.Maintenance;

/// <summary>
/// Hourly upkeep (retention purge, stale-lease repair). The host runs a timer function on one instance at a time.
/// <see cref="IHousekeeping"/> has no implementation yet: until one is registered the trigger logs that and returns.
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
