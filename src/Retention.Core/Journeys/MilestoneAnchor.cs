namespace Retention.Core.Journeys;

/// <summary>What a milestone's offset counts from.</summary>
public enum MilestoneAnchor
{
    /// <summary>The newcomer's arrival date in Norway.</summary>
    Arrival,

    /// <summary>The first working day at the employer.</summary>
    Start,

    /// <summary>A seasonal moment of the Norwegian year (see <see cref="Calendar.SeasonalMomentKinds"/>), every year it falls in the journey window.</summary>
    Calendar,
}
