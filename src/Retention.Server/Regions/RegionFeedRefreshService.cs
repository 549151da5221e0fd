using Microsoft.Extensions.Options;
using NodaTime;
using Retention.Core.Regions;
using Retention.Feeds;

namespace Retention.Server.Regions;

/// <summary>
/// Fetches the regions' feeds on their schedule in the self-hosted server (the Functions app does the same from a
/// timer): every few minutes it asks Core for the feeds last tried longer than the refresh interval ago.
/// </summary>
public sealed class RegionFeedRefreshService(
    RegionService regions, IOptions<RegionFeedOptions> options, TimeProvider time, ILogger<RegionFeedRefreshService> logger) : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Duration.FromTimeSpan(options.Value.RefreshInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var refreshed = await regions.RefreshDueAsync(interval, stoppingToken);
                if (refreshed > 0)
                {
                    logger.LogInformation("Refreshed {Count} region feeds", refreshed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A store that is briefly away must not stop the schedule; the next round tries again.
                logger.LogWarning(ex, "Refreshing region feeds failed; trying again in {Delay}", CheckEvery);
            }

            try
            {
                await Task.Delay(CheckEvery, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
