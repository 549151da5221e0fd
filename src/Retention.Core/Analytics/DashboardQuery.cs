using System.ComponentModel.DataAnnotations;
using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>
/// What to compute: the employer, the as-of day <see cref="To"/> (today by default, set by the caller), and
/// optionally <see cref="From"/>: only newcomers whose start date is on or after it are included.
/// </summary>
public sealed record DashboardQuery
{
    public const int DefaultThreshold = 5;

    public required string EmployerId { get; init; }

    /// <summary>The as-of day: follow-up of those still employed is censored here; later events are ignored.</summary>
    public required LocalDate To { get; init; }
    public LocalDate? From { get; init; }

    /// <summary>The smallest number of people a published figure may be derived from.</summary>
    [Range(2, 1000)]
    public int Threshold { get; init; } = DefaultThreshold;

    /// <summary>At risk when the ildsjel left this many of their latest nudges in a row without any response.</summary>
    [Range(1, 100)]
    public int IgnoredNudgesForAtRisk { get; init; } = 3;

    /// <summary>At risk when the latest belonging or intent-to-stay answer is at or below this (1..5 scale).</summary>
    [Range(1, 5)]
    public int LowScore { get; init; } = 2;

    /// <summary>At risk when an answer dropped by at least this much since the previous check-in.</summary>
    [Range(1, 4)]
    public int FallingBy { get; init; } = 2;
}
