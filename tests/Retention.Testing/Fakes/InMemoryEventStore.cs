using Retention.Core.Events;
using Retention.Core.Storage;

namespace Retention.Testing.Fakes;

/// <summary>An in-memory <see cref="IEventStore"/>: scoped by employer, idempotent by id, erasure removes comments only.</summary>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly Lock gate = new();
    private readonly List<CheckIn> checkIns = [];
    private readonly List<Outcome> outcomes = [];

    public Task AddCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        lock (gate)
        {
            if (!checkIns.Any(c => c.EmployerId == checkIn.EmployerId && c.Id == checkIn.Id))
            {
                checkIns.Add(checkIn);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CheckIn>> GetCheckInsAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<CheckIn>>(checkIns.Where(c => c.EmployerId == employerId && c.EnrollmentId == enrollmentId).OrderBy(c => c.At).ToList());
        }
    }

    public Task AddOutcomeAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        lock (gate)
        {
            if (!outcomes.Any(o => o.EmployerId == outcome.EmployerId && o.Id == outcome.Id))
            {
                outcomes.Add(outcome);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Outcome>> GetOutcomesAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Outcome>>(outcomes.Where(o => o.EmployerId == employerId && o.EnrollmentId == enrollmentId).OrderBy(o => o.RecordedAt).ToList());
        }
    }

    public Task ErasePersonalDataAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            for (var i = 0; i < checkIns.Count; i++)
            {
                if (checkIns[i].EmployerId == employerId && checkIns[i].EnrollmentId == enrollmentId)
                {
                    checkIns[i] = checkIns[i] with { Comment = null };
                }
            }
        }

        return Task.CompletedTask;
    }
}
