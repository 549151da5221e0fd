namespace Retention.Core.Analytics;

/// <summary>Why a cell of the regional dashboard shows no figures.</summary>
public enum RegionalSuppression
{
    /// <summary>Fewer newcomers than the threshold.</summary>
    TooFewNewcomers,

    /// <summary>Enough newcomers, but from fewer employers than the minimum: an employer could read off the others'.</summary>
    TooFewEmployers,

    /// <summary>Large enough itself, hidden so that the one other hidden municipality cannot be worked out from the region's total.</summary>
    Complementary,
}
