using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Retention.Core.Regions;
using Retention.Feeds;

namespace Retention.Functions.Maintenance;

/// <summary>
/// Every half hour: fetches the regions' feeds last tried longer than the refresh interval ago — the same Core code
/// as the self-hosted server's background service. A refresh is a compare-and-set on the feed, so an overlap is harmless.
/// </summary>
public sealed class RegionFeedsFunction(RegionService regions, IOptions<RegionFeedOptions> options, ILogger<RegionFeedsFunction> logger)
{
    [Function(nameof(RegionFeedsFunction))]
    public async Task Run([TimerTrigger("0 */30 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var refreshed = await regions.RefreshDueAsync(Duration.FromTimeSpan(options.Value.RefreshInterval), cancellationToken);
        logger.LogInformation("Refreshed {Count} region feeds; past due: {PastDue}", refreshed, timer.IsPastDue);
    }
}
