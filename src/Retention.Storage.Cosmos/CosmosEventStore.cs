using Retention.Core.Events;
using Retention.Core.Storage;

namespace Retention.Storage.Cosmos;

/// <summary>
/// Check-ins and outcomes in Cosmos DB: one events document per enrolment, read with one point read and
/// changed with an ETag compare-and-set (retried on a concurrent change).
/// </summary>
public sealed class CosmosEventStore(CosmosDatabase database) : IEventStore
{
    private const int MaxAttempts = 20;

    public Task AddCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        return ChangeAsync(checkIn.EmployerId, checkIn.EnrollmentId, events =>
            events.CheckIns.Any(c => c.Id == checkIn.Id) ? null : events with { CheckIns = [.. events.CheckIns, checkIn] }, cancellationToken);
    }

    public async Task<IReadOnlyList<CheckIn>> GetCheckInsAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        var events = await ReadAsync(employerId, enrollmentId, cancellationToken);
        return events?.CheckIns.OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal).ToList() ?? [];
    }

    public Task AddOutcomeAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return ChangeAsync(outcome.EmployerId, outcome.EnrollmentId, events =>
            events.Outcomes.Any(o => o.Id == outcome.Id) ? null : events with { Outcomes = [.. events.Outcomes, outcome] }, cancellationToken);
    }

    public async Task<IReadOnlyList<Outcome>> GetOutcomesAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        var events = await ReadAsync(employerId, enrollmentId, cancellationToken);
        return events?.Outcomes.OrderBy(o => o.RecordedAt).ThenBy(o => o.Id, StringComparer.Ordinal).ToList() ?? [];
    }

    public Task ErasePersonalDataAsync(string employerId, string enrollmentId, CancellationToken cancellationToken) =>
        ChangeAsync(employerId, enrollmentId, events =>
            events.CheckIns.Any(c => c.Comment is not null)
                ? events with { CheckIns = events.CheckIns.Select(c => c with { Comment = null }).ToList() }
                : null,
            cancellationToken,
            createIfMissing: false);

    private async Task<EventsDocument?> ReadAsync(string employerId, string enrollmentId, CancellationToken cancellationToken) =>
        (await database.Items.ReadAsync<EventsDocument>(database.Data, CosmosIds.Events(enrollmentId), employerId, cancellationToken)).Document;

    /// <summary>Applies <paramref name="change"/> (null: nothing to change) with a compare-and-set, retrying on a concurrent writer.</summary>
    private async Task ChangeAsync(
        string employerId, string enrollmentId, Func<EventsDocument, EventsDocument?> change, CancellationToken cancellationToken, bool createIfMissing = true)
    {
        var id = CosmosIds.Events(enrollmentId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (current, etag) = await database.Items.ReadAsync<EventsDocument>(database.Data, id, employerId, cancellationToken);
            if (current is null)
            {
                if (!createIfMissing)
                {
                    return;
                }

                var created = change(new EventsDocument(id, employerId, enrollmentId, [], [], database.TimeToLiveSeconds));
                if (created is null || await database.Items.CreateAsync(database.Data, created, employerId, cancellationToken) is not null)
                {
                    return;
                }

                continue;
            }

            var changed = change(current);
            if (changed is null
                || await database.Items.ReplaceAsync(database.Data, changed with { Ttl = database.TimeToLiveSeconds }, id, employerId, etag!, cancellationToken) is not null)
            {
                return;
            }
        }

        throw new InvalidOperationException("The events document kept changing; the change was not stored.");
    }
}
