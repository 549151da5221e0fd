using Retention.Core.Enrollments;

namespace Retention.Storage.Cosmos;

/// <summary>
/// Claims an external id for one enrolment by creating its reservation document (a create is atomic, so
/// exactly one of several concurrent calls wins). A reservation whose enrolment never appeared (its creator
/// crashed between the two writes) is taken over once it is clearly stale.
/// </summary>
internal sealed class CosmosExternalIdReservation(CosmosDatabase database, CosmosEnrollmentStore enrollments)
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan PollFor = TimeSpan.FromSeconds(10);

    /// <summary>Null once the id is reserved for <paramref name="enrollment"/>; otherwise the enrolment that holds it.</summary>
    public async Task<Enrollment?> ReserveAsync(Enrollment enrollment, string externalId, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ExternalId(externalId);
        var reservation = new ExternalIdDocument(id, enrollment.EmployerId, externalId, enrollment.Id, database.TimeToLiveSeconds);
        var deadline = DateTimeOffset.UtcNow + PollFor;
        while (true)
        {
            if (await database.Items.CreateAsync(database.Data, reservation, enrollment.EmployerId, cancellationToken) is not null)
            {
                return null;
            }

            var (held, etag) = await database.Items.ReadAsync<ExternalIdDocument>(database.Data, id, enrollment.EmployerId, cancellationToken);
            if (held is null)
            {
                continue; // Deleted in between (the holder moved to another external id): try again.
            }

            if (held.EnrollmentId == enrollment.Id)
            {
                return null;
            }

            var holder = await enrollments.GetAsync(enrollment.EmployerId, held.EnrollmentId, cancellationToken);
            if (holder is not null && holder.ExternalId == externalId)
            {
                return holder;
            }

            var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(held.Timestamp ?? 0);
            if (holder is not null || age > StaleAfter)
            {
                // The holder gave the id up, or never finished creating: take the reservation over (if nobody else did).
                if (await database.Items.ReplaceAsync(database.Data, reservation, id, enrollment.EmployerId, etag!, cancellationToken) is not null)
                {
                    return null;
                }

                continue;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException("An enrolment with this external id is still being created; retry later.");
            }

            // Another call reserved the id a moment ago and is writing the enrolment: wait for it.
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
