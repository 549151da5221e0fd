using Retention.Core.Journeys;

namespace Retention.Core.Storage;

/// <summary>Nudges, always scoped by employer. Every state change is a compare-and-set on <see cref="Nudge.Version"/>.</summary>
public interface INudgeStore
{
    Task<Nudge?> GetAsync(string employerId, string nudgeId, CancellationToken cancellationToken);

    /// <summary>Every nudge of one enrolment, planned and past, ordered by due time.</summary>
    Task<IReadOnlyList<Nudge>> GetJourneyAsync(string employerId, string enrollmentId, CancellationToken cancellationToken);

    /// <summary>Adds nudges (a re-plan). A nudge whose id is already stored is left as it is, so a repeated call is harmless.</summary>
    Task AddAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken);

    /// <summary>Replaces the nudge if its stored version still equals <paramref name="nudge"/>.Version; returns the stored record, or null on a conflict.</summary>
    Task<Nudge?> TryUpdateAsync(Nudge nudge, CancellationToken cancellationToken);
}
