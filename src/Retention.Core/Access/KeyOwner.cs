namespace Retention.Core.Access;

/// <summary>
/// The owner of an API key. Stored in the key's owner field as the employer id, or <c>region:</c> + the region id —
/// a colon no employer id can hold, so an old key store needs no migration and the two never collide.
/// </summary>
public sealed record KeyOwner(KeyOwnerKind Kind, string Id)
{
    private const string RegionPrefix = "region:";

    public static KeyOwner Employer(string employerId) => new(KeyOwnerKind.Employer, employerId);

    public static KeyOwner Region(string regionId) => new(KeyOwnerKind.Region, regionId);

    public string Stored => Kind == KeyOwnerKind.Region ? RegionPrefix + Id : Id;

    public static KeyOwner FromStored(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.StartsWith(RegionPrefix, StringComparison.Ordinal) ? Region(stored[RegionPrefix.Length..]) : Employer(stored);
    }

    public bool IsEmployer(string employerId) => Kind == KeyOwnerKind.Employer && string.Equals(Id, employerId, StringComparison.Ordinal);

    public bool IsRegion(string regionId) => Kind == KeyOwnerKind.Region && string.Equals(Id, regionId, StringComparison.Ordinal);
}
