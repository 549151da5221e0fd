namespace Retention.Core.Journeys;

/// <summary>
/// What a re-plan changes: nudges to cancel (status and reason already set), nudges to add (new ids; some already
/// cancelled, for an unsubscribed recipient) and cancelled nudges to schedule again (status already set).
/// </summary>
public sealed record JourneyReplan(IReadOnlyList<Nudge> ToCancel, IReadOnlyList<Nudge> ToAdd, IReadOnlyList<Nudge> ToRevive)
{
    public bool IsEmpty => ToCancel.Count == 0 && ToAdd.Count == 0 && ToRevive.Count == 0;
}
