namespace Retention.Core.Analytics;

/// <summary>
/// The region overall or one of its municipalities: how many newcomers and their retention at 6, 12 and 24 months,
/// or, when suppressed, only why. Never says which employers or how many are behind it.
/// </summary>
public sealed record RegionalCell
{
    internal RegionalCell()
    {
    }

    /// <summary>The municipality as the region lists it; null for the region overall.</summary>
    public string? Municipality { get; init; }

    public required bool Suppressed { get; init; }

    /// <summary>Why the cell is suppressed; null when it is shown.</summary>
    public RegionalSuppression? SuppressedBecause { get; init; }

    /// <summary>Newcomers who had started by the as-of date; null when suppressed.</summary>
    public int? Newcomers { get; init; }

    /// <summary>Retention at the checkpoints (as on the employer dashboard); empty when suppressed.</summary>
    public required IReadOnlyList<RetentionEstimate> Retention { get; init; }
}
