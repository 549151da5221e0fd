namespace Retention.Http.Regions;

/// <summary>The body of <c>GET …/feeds</c>.</summary>
public sealed record RegionFeedListResponse(IReadOnlyList<RegionFeedResponse> Feeds);
