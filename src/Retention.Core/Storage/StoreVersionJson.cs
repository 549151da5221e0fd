using System.Text.Json.Serialization.Metadata;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Regions;
using Retention.Core.Unsubscribes;

namespace Retention.Core.Storage;

/// <summary>The stores own versions (row version / ETag): a stored document never carries the model's copy.</summary>
public static class StoreVersionJson
{
    /// <summary>A <see cref="DefaultJsonTypeInfoResolver"/> modifier that leaves <c>version</c> out of every stored record.</summary>
    public static void Omit(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Type == typeof(Enrollment) || typeInfo.Type == typeof(Nudge) || typeInfo.Type == typeof(Unsubscribe)
            || typeInfo.Type == typeof(Region) || typeInfo.Type == typeof(RegionFeed) || typeInfo.Type == typeof(EmployerSettings))
        {
            var version = typeInfo.Properties.Single(p => p.Name == "version");
            version.ShouldSerialize = static (_, _) => false;
        }
    }
}
