using System.Buffers.Text;
using System.Text;

namespace Retention.Storage.Cosmos;

/// <summary>
/// Document ids: a type prefix (every type shares one container per employer) and the model id, encoded
/// when it holds characters Cosmos forbids in ids (<c>/ \ ? #</c>) or that URL paths mangle.
/// </summary>
internal static class CosmosIds
{
    public static string Enrollment(string enrollmentId) => "enrollment:" + Escape(enrollmentId);

    public static string Nudge(string nudgeId) => "nudge:" + Escape(nudgeId);

    public static string Journey(string enrollmentId) => "journey:" + Escape(enrollmentId);

    public static string ExternalId(string externalId) => "ext:" + Escape(externalId);

    public static string Events(string enrollmentId) => "events:" + Escape(enrollmentId);

    public static string Unsubscribe(string addressKey) => "unsubscribe:" + Escape(addressKey);

    public static string ApiKey(string keyId) => Escape(keyId);

    /// <summary>The employer's settings: one document per employer partition.</summary>
    public const string EmployerSettings = "settings";

    /// <summary>The region document, in the region's partition (the partition key is the region id).</summary>
    public const string Region = "region";

    public static string RegionFeed(string feedId) => "feed:" + Escape(feedId);

    /// <summary>
    /// The regions container's partition of municipality claims and the region directory. Its ids (<c>municipality:…</c>,
    /// <c>directory</c>) never equal a region partition's (<c>region</c>, <c>feed:…</c>), so even a region of this id could not collide.
    /// </summary>
    public const string RegionDirectoryPartition = "~directory";

    public const string RegionDirectory = "directory";

    public static string MunicipalityClaim(string municipalityKey) => "municipality:" + Escape(municipalityKey);

    /// <summary>
    /// The value itself when it holds only letters, digits and <c>- _ . :</c>; otherwise <c>~</c> and its UTF-8 in
    /// base64url. Injective (a plain value never starts with <c>~</c>) and free of anything Cosmos or a URL path mangles.
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return "~" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(value));
            }
        }

        return value;
    }
}
