using Retention.Core.Events;

namespace Retention.Core.Storage;

/// <summary>Check-ins and outcomes, scoped by employer. Adding the same id twice stores it once.</summary>
public interface IEventStore
{
    Task AddCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken);

    Task<IReadOnlyList<CheckIn>> GetCheckInsAsync(string employerId, string enrollmentId, CancellationToken cancellationToken);

    Task AddOutcomeAsync(Outcome outcome, CancellationToken cancellationToken);

    Task<IReadOnlyList<Outcome>> GetOutcomesAsync(string employerId, string enrollmentId, CancellationToken cancellationToken);

    /// <summary>Removes free text (check-in comments) of one enrolment; the numbers stay for the aggregates.</summary>
    Task ErasePersonalDataAsync(string employerId, string enrollmentId, CancellationToken cancellationToken);
}
