namespace Retention.Core.Regions;

/// <summary>Feed ids are slugs within their region, like employer and region ids.</summary>
public static class RegionFeedIds
{
    public const string Rule = "a feed id is 2-40 characters: lowercase letters, digits and dashes, starting with a letter";

    public static bool IsValid(string? feedId) => Access.EmployerIds.IsValid(feedId);
}
