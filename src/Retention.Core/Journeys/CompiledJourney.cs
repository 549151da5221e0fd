namespace Retention.Core.Journeys;

/// <summary>A journey definition prepared once per planner, so planning does no parsing or string building per step.</summary>
internal sealed class CompiledJourney
{
    public CompiledJourney(JourneyDefinition definition, IReadOnlyList<int> checkInMonths)
    {
        Definition = definition;
        Steps = [.. definition.Milestones.Select((m, i) => new CompiledStep(m, i, checkInMonths))];
    }

    public JourneyDefinition Definition { get; }

    public CompiledStep[] Steps { get; }
}
