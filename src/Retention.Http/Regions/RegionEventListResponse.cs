namespace Retention.Http.Regions;

/// <summary>The body of <c>GET …/events</c>: the events nudges will see, in time order.</summary>
public sealed record RegionEventListResponse(IReadOnlyList<RegionEventResponse> Events);
