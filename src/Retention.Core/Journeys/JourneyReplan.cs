namespace Retention.Core.Journeys;

/// <summary>What a re-plan changes: nudges to cancel (with status already set to cancelled) and nudges to add.</summary>
public sealed record JourneyReplan(IReadOnlyList<Nudge> ToCancel, IReadOnlyList<Nudge> ToAdd);
