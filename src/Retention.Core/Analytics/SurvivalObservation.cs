namespace Retention.Core.Analytics;

/// <summary>One person's follow-up: <see cref="Days"/> from start to departure (<see cref="Left"/>) or to censoring.</summary>
public readonly record struct SurvivalObservation(int Days, bool Left);
