using NodaTime;
using Retention.Core.Regions;

namespace Retention.Http.Regions;

/// <summary>An employer's settings, with when sharing was turned on and when they last changed (audit).</summary>
public sealed record EmployerSettingsResponse(bool ShareWithRegion, Instant? SharingSince, Instant? ChangedAt)
{
    public static EmployerSettingsResponse From(EmployerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.ShareWithRegion, settings.SharingSince, settings.ChangedAt);
    }
}
