namespace Retention.Core.Regions;

/// <summary>
/// How a municipality is compared when it is claimed or looked up: case-insensitively ("Oslo" and "oslo" are one
/// municipality), so every store keys its claims by the same lower-invariant text.
/// </summary>
public static class MunicipalityKey
{
    public static string Of(string municipality)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        return municipality.ToLowerInvariant();
    }

    /// <summary>The distinct keys of a region's municipalities, in ordinal order (claimed in this order, so two writers of overlapping sets meet on the same first one).</summary>
    public static IReadOnlyList<string> Distinct(IEnumerable<string> municipalities)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        return [.. municipalities.Select(Of).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
