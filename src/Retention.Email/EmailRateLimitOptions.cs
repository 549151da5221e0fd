using System.ComponentModel.DataAnnotations;

namespace Retention.Email;

/// <summary>
/// The provider's send rate (<c>Retention:Email:RateLimit</c>). Unset means unbounded (the default: a pickup
/// directory has no limit). Azure Communication Services starts at <c>PerMinute = 30</c>, <c>PerHour = 100</c>.
/// </summary>
public sealed class EmailRateLimitOptions
{
    [Range(1, 1_000_000)]
    public int? PerMinute { get; set; }

    [Range(1, 10_000_000)]
    public int? PerHour { get; set; }

    /// <summary>A send waits this long at most for a permit; beyond it the send answers throttled with the wait.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsBounded => PerMinute is not null || PerHour is not null;
}
