using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Retention.Core.Maintenance;

namespace Retention.Functions.Maintenance;

/// <summary>Hourly upkeep (retention purge, stale-lease repair). The host runs a timer function on one instance at a time.</summary>
public sealed class HousekeepingFunction(IHousekeeping housekeeping, ILogger<HousekeepingFunction> logger)
{
    [Function(nameof(HousekeepingFunction))]
    public async Task Run([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        logger.LogInformation("Housekeeping started; past due: {PastDue}", timer.IsPastDue);
        await housekeeping.RunAsync(cancellationToken);
    }
}
