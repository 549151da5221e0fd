namespace Retention.Http.Regions;

/// <summary>The body of <c>PUT …/feeds/{feedId}</c>: where the .ics lives and which municipality its events are in.</summary>
public sealed record RegionFeedBody(string? Url, string? Municipality);
