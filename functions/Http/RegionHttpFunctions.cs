using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Core.Application;
using Retention.Core.Regions;
using Retention.Http.Regions;

namespace Retention.Functions.Http;

/// <summary>A region's content, feeds and events, for its curators (and, read-only, for employers).</summary>
public sealed class RegionHttpFunctions(RegionService regions, RetentionClock clock)
{
    private const string Region = "api/v1/regions/{regionId}";

    [Function("GetRegion")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Region)] HttpRequest req, string regionId, CancellationToken cancellationToken) =>
        RegionRoute.RunAsync(req, regionId, true, () => RegionEndpoints.GetAsync(regionId, regions, cancellationToken));

    [Function("PutRegion")]
    public Task<IActionResult> Put([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Region)] HttpRequest req, string regionId, CancellationToken cancellationToken) =>
        RegionRoute.RunAsync(req, regionId, false, () => RegionEndpoints.PutAsync(regionId, req, regions, cancellationToken));

    [Function("ListRegionEvents")]
    public Task<IActionResult> Events([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Region + "/events")] HttpRequest req, string regionId, CancellationToken cancellationToken) =>
        RegionRoute.RunAsync(req, regionId, true, () => RegionEndpoints.EventsAsync(
            regionId, QueryValues.Text(req, "from"), QueryValues.Text(req, "to"), QueryValues.Text(req, "municipality"), regions, clock, cancellationToken));

    [Function("ListRegionFeeds")]
    public Task<IActionResult> Feeds([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Region + "/feeds")] HttpRequest req, string regionId, CancellationToken cancellationToken) =>
        RegionRoute.RunAsync(req, regionId, false, () => RegionEndpoints.FeedsAsync(regionId, regions, cancellationToken));

    [Function("GetRegionFeed")]
    public Task<IActionResult> Feed([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Region + "/feeds/{feedId}")] HttpRequest req, string regionId, string feedId, CancellationToken cancellationToken) =>
        RegionRoute.RunAsync(req, regionId, false, () => RegionEndpoints.FeedAsync(regionId, feedId, regions, cancellationToken));

    [Function("PutRegionFeed")]
    public Task<IActionResult> PutFeed([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Region + "/feeds/{feedId}")] HttpRequest req, string regionId, string feedId, CancellationToken cancellationToken) =>
        RegionRoute.RunAsync(req, regionId, false, () => RegionEndpoints.PutFeedAsync(regionId, feedId, req, regions, cancellationToken));

    [Function("DeleteRegionFeed")]
    public Task<IActionResult> DeleteFeed([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Region + "/feeds/{feedId}")] HttpRequest req, string regionId, string feedId, CancellationToken cancellationToken) =>
        RegionRoute.RunAsync(req, regionId, false, () => RegionEndpoints.DeleteFeedAsync(regionId, feedId, regions, cancellationToken));

    [Function("RefreshRegionFeed")]
    public Task<IActionResult> RefreshFeed([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Region + "/feeds/{feedId}:refresh")] HttpRequest req, string regionId, string feedId, CancellationToken cancellationToken) =>
        RegionRoute.RunAsync(req, regionId, false, () => RegionEndpoints.RefreshFeedAsync(regionId, feedId, regions, cancellationToken));
}
