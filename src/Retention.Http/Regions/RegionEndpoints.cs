using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using NodaTime.Text;
using Retention.Core.Access;
using Retention.Core.Application;
using Retention.Core.Regions;
using Retention.Http.Json;
using Retention.Http.OpenApi;
using Retention.Http.Problems;
using Retention.Http.Query;

namespace Retention.Http.Regions;

/// <summary>The region's content, feeds and events (api.md, "Regions (v1.1)").</summary>
public static class RegionEndpoints
{
    /// <summary>The events route's default window: what a local-events nudge shows.</summary>
    private const int DefaultEventDays = 14;

    private const string Tag = "Regions";
    private const string Feeds = "Region feeds";

    public static IEndpointRouteBuilder MapRegionEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var regions = app.MapGroup("/api/v1/regions")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        var readers = regions.MapGroup("").AddEndpointFilter(RegionAuthorization.ReadersAsync);
        readers.MapGet("/{regionId}", GetAsync).WithName("GetRegion")
            .Documented(Tag, "Get the region document", "As the curators wrote it, with version and updatedAt. An employer's key may read it.")
            .Produces<JsonObject>().WithResponseSchema(RegionDocumentSchema.Response, StatusCodes.Status200OK);
        readers.MapGet("/{regionId}/events", EventsAsync).WithName("ListRegionEvents")
            .Documented(Tag, "List the region's events", "The events nudges will see (document and feeds merged), in time order, from..to (ISO dates; default today and 14 days on), optionally in one municipality. An employer's key may read them.")
            .Produces<RegionEventListResponse>().ProducesValidationProblem();

        var curators = regions.MapGroup("").AddEndpointFilter(RegionAuthorization.CuratorsOnlyAsync);
        curators.MapPut("/{regionId}", PutAsync).WithName("PutRegion")
            .Documented(Tag, "Publish the region document", "Validated whole: a bad item is a 400 naming its path, nothing stored. A municipality already in another region is a 409.")
            .WithBody(OpenApiEndpointExtensions.Json, RegionDocumentSchema.Request, RegionDocumentSchema.Example)
            .Produces<JsonObject>(StatusCodes.Status201Created).Produces<JsonObject>().WithResponseSchema(RegionDocumentSchema.Response, StatusCodes.Status200OK, StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        curators.MapGet("/{regionId}/feeds", FeedsAsync).WithName("ListRegionFeeds")
            .Documented(Feeds, "List the iCalendar feeds", "Each with how its last fetches went and how many events the last good one gave.").Produces<RegionFeedListResponse>();
        curators.MapGet("/{regionId}/feeds/{feedId}", FeedAsync).WithName("GetRegionFeed")
            .Documented(Feeds, "Get a feed").Produces<RegionFeedResponse>();
        curators.MapPut("/{regionId}/feeds/{feedId}", PutFeedAsync).WithName("PutRegionFeed")
            .Documented(Feeds, "Subscribe to an iCalendar feed", "Fetched at once, then on a schedule with conditional GET; recurring events expanded; a failed fetch keeps the last good events and is reported.")
            .WithJsonBody<RegionFeedBody>("""{ "url": "https://example.org/haugesund/events.ics", "municipality": "Haugesund" }""")
            .Produces<RegionFeedResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        curators.MapDelete("/{regionId}/feeds/{feedId}", DeleteFeedAsync).WithName("DeleteRegionFeed")
            .Documented(Feeds, "Remove a feed and its events").Produces(StatusCodes.Status204NoContent);
        curators.MapPost("/{regionId}/feeds/{feedId}:refresh", RefreshFeedAsync).WithName("RefreshRegionFeed")
            .Documented(Feeds, "Fetch a feed now", "No body.").Produces<RegionFeedResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<IResult> GetAsync(string regionId, RegionService service, CancellationToken cancellationToken) =>
        await service.GetAsync(regionId, cancellationToken) is { } found ? TypedResults.Json(Representation(found), statusCode: 200) : ApiProblems.NotFound("region");

    public static async Task<IResult> PutAsync(string regionId, HttpRequest request, RegionService service, CancellationToken cancellationToken)
    {
        if (!RegionIds.IsValid(regionId))
        {
            return ApiProblems.Validation("regionId", RegionIds.Rule);
        }

        var (body, problem) = await JsonBody.ReadAsync<JsonObject>(request, JsonBody.MaxRegionBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await service.PutAsync(regionId, body!, cancellationToken);
        return result switch
        {
            { Value: { Created: true } write } => TypedResults.Created($"/api/v1/regions/{regionId}", Representation(write.Region)),
            { Value: { } write } => TypedResults.Json(Representation(write.Region), statusCode: 200),
            { Status: CommandStatus.Invalid } => ApiProblems.Validation(result.Errors, "The region document is not valid; nothing was stored. " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Reason}"))),
            _ => ApiProblems.Conflict(result.Reason ?? "conflict"),
        };
    }

    public static async Task<IResult> FeedsAsync(string regionId, RegionService service, CancellationToken cancellationToken) =>
        await service.GetAsync(regionId, cancellationToken) is null
            ? ApiProblems.NotFound("region")
            : TypedResults.Ok(new RegionFeedListResponse((await service.GetFeedsAsync(regionId, cancellationToken)).Select(RegionFeedResponse.From).ToList()));

    public static async Task<IResult> FeedAsync(string regionId, string feedId, RegionService service, CancellationToken cancellationToken) =>
        await service.GetFeedAsync(regionId, feedId, cancellationToken) is { } feed ? TypedResults.Ok(RegionFeedResponse.From(feed)) : ApiProblems.NotFound("feed");

    public static async Task<IResult> PutFeedAsync(string regionId, string feedId, HttpRequest request, RegionService service, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<RegionFeedBody>(request, cancellationToken);
        return problem ?? FeedResult(await service.PutFeedAsync(regionId, feedId, body!.Url, body.Municipality, cancellationToken), "region");
    }

    public static async Task<IResult> RefreshFeedAsync(string regionId, string feedId, RegionService service, CancellationToken cancellationToken) =>
        FeedResult(await service.RefreshAsync(regionId, feedId, cancellationToken), "feed");

    public static async Task<IResult> DeleteFeedAsync(string regionId, string feedId, RegionService service, CancellationToken cancellationToken) =>
        await service.DeleteFeedAsync(regionId, feedId, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound("feed");

    public static async Task<IResult> EventsAsync(
        string regionId, string? from, string? to, string? municipality, RegionService service, RetentionClock clock, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var first = query.Date("from", from) ?? clock.Today;
        var last = query.Date("to", to) ?? first.PlusDays(DefaultEventDays);
        if (query.Errors.Count == 0 && last < first)
        {
            return ApiProblems.Validation("to", "is before from");
        }

        if (query.Errors.Count > 0)
        {
            return ApiProblems.Validation(query.Errors);
        }

        if (await service.GetAsync(regionId, cancellationToken) is not { } region)
        {
            return ApiProblems.NotFound("region");
        }

        if (municipality is not null && !region.Municipalities.Contains(municipality, StringComparer.OrdinalIgnoreCase))
        {
            return ApiProblems.Validation("municipality", $"is not one of the region's municipalities ({string.Join(", ", region.Municipalities)})");
        }

        var window = new Interval(first.AtStartOfDayInZone(RetentionClock.EmployerZone).ToInstant(), last.PlusDays(1).AtStartOfDayInZone(RetentionClock.EmployerZone).ToInstant());
        var events = await service.EventsAsync(region, window, municipality, cancellationToken);
        return TypedResults.Ok(new RegionEventListResponse(events.Select(RegionEventResponse.From).ToList()));
    }

    private static IResult FeedResult(CommandResult<RegionFeed> result, string missing) => result switch
    {
        { Value: { } feed } => TypedResults.Ok(RegionFeedResponse.From(feed)),
        { Status: CommandStatus.NotFound } => ApiProblems.NotFound(missing),
        { Status: CommandStatus.Invalid } => ApiProblems.Validation(result.Errors),
        _ => ApiProblems.Conflict(result.Reason ?? "conflict"),
    };

    /// <summary>The document as the curator wrote it, with the store's <c>version</c> and <c>updatedAt</c>.</summary>
    private static JsonObject Representation(Region region)
    {
        var document = JsonNode.Parse(region.Document)!.AsObject();
        document["version"] = region.Version;
        document["updatedAt"] = InstantPattern.ExtendedIso.Format(region.UpdatedAt);
        return document;
    }
}
