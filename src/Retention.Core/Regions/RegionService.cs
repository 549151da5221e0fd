using System.Text.Json.Nodes;
using NodaTime;
using Retention.Core.Application;
using Retention.Core.Content;
using Retention.Core.Diagnostics;
using Retention.Core.Storage;

namespace Retention.Core.Regions;

/// <summary>
/// What a region's curators do: publish the content document (validated whole; nothing stored when an item is bad),
/// subscribe, refresh and remove feeds, and read the events nudges will see. Each write ends the snapshot's trust in
/// this process, so the next send binds the new content.
/// </summary>
public sealed class RegionService(IRegionStore store, IRegionFeedSource feeds, RegionalContentSnapshot snapshot, RetentionClock clock, RetentionMetrics metrics)
{
    /// <summary>How far ahead recurring feed events are expanded: the longest a planned nudge looks ahead, and then some.</summary>
    public static readonly Duration FeedHorizon = Duration.FromDays(400);

    public Task<Region?> GetAsync(string regionId, CancellationToken cancellationToken) => store.GetAsync(regionId, cancellationToken);

    /// <summary>
    /// Creates or replaces the region. A body sent back from GET may carry <c>version</c> (then it must still be the
    /// stored one: 409 otherwise) and <c>updatedAt</c> (ignored).
    /// </summary>
    public async Task<CommandResult<RegionWrite>> PutAsync(string regionId, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var document = body.DeepClone().AsObject();
        var expectedVersion = document["version"] is JsonValue v && v.TryGetValue<string>(out var given) ? given : null;
        document.Remove("version");
        document.Remove("updatedAt");
        var json = document.ToJsonString();
        var (content, errors) = RegionalContentJson.Validate(json);
        if (content is null)
        {
            return CommandResult<RegionWrite>.Invalid(errors);
        }

        if (!string.Equals(content.Region, regionId, StringComparison.Ordinal))
        {
            return CommandResult<RegionWrite>.Invalid("region", $"must be the region id of the URL, '{regionId}'");
        }

        for (var attempt = 0; attempt < CompareAndSet.Attempts; attempt++)
        {
            var current = await store.GetAsync(regionId, cancellationToken);
            if (expectedVersion is not null && expectedVersion != (current?.Version ?? ""))
            {
                return CommandResult<RegionWrite>.Conflict($"the region changed since version {expectedVersion}; GET it again");
            }

            var saved = await store.SaveAsync(
                new Region { Id = regionId, Document = json, Municipalities = content.Municipalities, UpdatedAt = clock.Now, Version = current?.Version ?? "" },
                cancellationToken);
            switch (saved.Outcome)
            {
                case RegionSaveOutcome.Created or RegionSaveOutcome.Updated:
                    snapshot.Invalidate();
                    return CommandResult<RegionWrite>.Ok(new RegionWrite(saved.Outcome == RegionSaveOutcome.Created, saved.Region!));
                case RegionSaveOutcome.MunicipalityTaken:
                    return CommandResult<RegionWrite>.Conflict($"municipality {saved.TakenMunicipality} already belongs to region {saved.TakenByRegion}");
            }
        }

        return CommandResult<RegionWrite>.Conflict("the region kept changing while it was written; try again");
    }

    public Task<IReadOnlyList<RegionFeed>> GetFeedsAsync(string regionId, CancellationToken cancellationToken) =>
        store.GetFeedsAsync(regionId, cancellationToken);

    public Task<RegionFeed?> GetFeedAsync(string regionId, string feedId, CancellationToken cancellationToken) =>
        store.GetFeedAsync(regionId, feedId, cancellationToken);

    /// <summary>Subscribes (or changes) a feed and fetches it at once; the answer says how that first fetch went.</summary>
    public async Task<CommandResult<RegionFeed>> PutFeedAsync(string regionId, string feedId, string? url, string? municipality, CancellationToken cancellationToken)
    {
        var region = await store.GetAsync(regionId, cancellationToken);
        if (region is null)
        {
            return CommandResult<RegionFeed>.NotFound();
        }

        var errors = new List<Enrollments.FieldError>();
        if (!RegionFeedIds.IsValid(feedId))
        {
            errors.Add(new("feedId", RegionFeedIds.Rule));
        }

        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add(new("url", "is required"));
        }
        else if (feeds.Refuse(url) is { } refused)
        {
            errors.Add(new("url", refused));
        }

        var listed = region.Municipalities.FirstOrDefault(m => string.Equals(m, municipality, StringComparison.OrdinalIgnoreCase));
        if (listed is null)
        {
            errors.Add(new("municipality", string.IsNullOrWhiteSpace(municipality) ? "is required" : $"'{municipality}' is not one of the region's municipalities"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<RegionFeed>.Invalid(errors);
        }

        var current = await store.GetFeedAsync(regionId, feedId, cancellationToken);
        var feed = current is null
            ? new RegionFeed { RegionId = regionId, Id = feedId, Url = url!, Municipality = listed!, CreatedAt = clock.Now }
            : current with { Url = url!, Municipality = listed!, ETag = current.Url == url ? current.ETag : null, LastModified = current.Url == url ? current.LastModified : null };
        var saved = await store.SaveFeedAsync(feed, cancellationToken);
        return saved is null
            ? CommandResult<RegionFeed>.Conflict("the feed changed while it was written; try again")
            : await RefreshAsync(region, saved, cancellationToken);
    }

    public async Task<CommandResult<RegionFeed>> RefreshAsync(string regionId, string feedId, CancellationToken cancellationToken)
    {
        var region = await store.GetAsync(regionId, cancellationToken);
        var feed = region is null ? null : await store.GetFeedAsync(regionId, feedId, cancellationToken);
        return feed is null ? CommandResult<RegionFeed>.NotFound() : await RefreshAsync(region!, feed, cancellationToken);
    }

    public async Task<bool> DeleteFeedAsync(string regionId, string feedId, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteFeedAsync(regionId, feedId, cancellationToken);
        snapshot.Invalidate();
        return deleted;
    }

    /// <summary>Fetches every feed last tried longer than <paramref name="interval"/> ago (the hosts' schedule); returns how many.</summary>
    public async Task<int> RefreshDueAsync(Duration interval, CancellationToken cancellationToken)
    {
        var refreshed = 0;
        foreach (var stamp in await store.StampsAsync(cancellationToken))
        {
            if (await store.GetAsync(stamp.RegionId, cancellationToken) is not { } region)
            {
                continue;
            }

            foreach (var feed in await store.GetFeedsAsync(region.Id, cancellationToken))
            {
                if (feed.LastAttemptAt is { } last && clock.Now - last < interval)
                {
                    continue;
                }

                await RefreshAsync(region, feed, cancellationToken);
                refreshed++;
            }
        }

        return refreshed;
    }

    /// <summary>The events nudges will see of the region the caller has read (document and feeds merged), in time order.</summary>
    public async Task<IReadOnlyList<LocalEvent>> EventsAsync(Region region, Interval window, string? municipality, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        var content = RegionalContentJson.Parse(region.Document);
        var feedEvents = (await store.GetFeedsAsync(region.Id, cancellationToken)).SelectMany(f => f.Events);
        return [.. content.Events.Concat(feedEvents)
            .Where(e => e.Overlaps(window) && (municipality is null || string.Equals(e.Municipality, municipality, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(e => e.Start).ThenBy(e => e.Title, StringComparer.Ordinal)];
    }

    private async Task<CommandResult<RegionFeed>> RefreshAsync(Region region, RegionFeed feed, CancellationToken cancellationToken)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(RegionalContentJson.Parse(region.Document).TimeZone) ?? RetentionClock.EmployerZone;

        // A 304 keeps events expanded over the horizon of the last full fetch: once a day, ask for the whole file again
        // so that recurring events are expanded over the horizon as it moves on.
        var request = feed.LastSuccessAt is { } success && clock.Now - success < Duration.FromDays(1) ? feed : feed with { ETag = null, LastModified = null };
        var fetched = await feeds.FetchAsync(request, zone, new Interval(clock.Now - Duration.FromDays(1), clock.Now + FeedHorizon), cancellationToken);
        metrics.FeedRefreshed(OutcomeOf(request, fetched));

        // A concurrent refresh of the same feed may have won; its result is as good as this one.
        var saved = await store.SaveFeedAsync(fetched with { Version = feed.Version }, cancellationToken)
            ?? await store.GetFeedAsync(region.Id, feed.Id, cancellationToken);
        snapshot.Invalidate();
        return saved is null ? CommandResult<RegionFeed>.NotFound() : CommandResult<RegionFeed>.Ok(saved);
    }

    /// <summary>A 304 is the only success that hands back the very events it was asked with (see <see cref="IRegionFeedSource"/>).</summary>
    private static string OutcomeOf(RegionFeed request, RegionFeed fetched) =>
        fetched.LastError is not null ? FeedRefreshOutcomes.Failed
        : (request.ETag is not null || request.LastModified is not null) && ReferenceEquals(fetched.Events, request.Events) ? FeedRefreshOutcomes.NotModified
        : FeedRefreshOutcomes.Ok;
}
