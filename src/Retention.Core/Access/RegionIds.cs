namespace Retention.Core.Access;

/// <summary>Region ids are slugs like employer ids (they appear in URLs, partition keys and key owners).</summary>
public static class RegionIds
{
    public const string Rule = "a region id is 2-40 characters: lowercase letters, digits and dashes, starting with a letter";

    public static bool IsValid(string? regionId) => EmployerIds.IsValid(regionId);
}
