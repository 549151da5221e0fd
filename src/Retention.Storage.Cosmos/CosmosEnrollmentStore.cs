using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Storage.Cosmos;

/// <summary>
/// Enrolments in Cosmos DB: point reads by id, an external-id reservation document for the atomic dedupe,
/// ETag compare-and-set on update. Only <see cref="ListAsync"/> is a query.
/// </summary>
public sealed class CosmosEnrollmentStore(CosmosDatabase database) : IEnrollmentStore
{
    private readonly CosmosNudgeStore _nudges = new(database);

    /// <inheritdoc/>
    /// <remarks>
    /// Without transactional batches the writes are ordered so that a crash leaves nothing visible half-made:
    /// the external-id reservation first, then the nudges and the journey, the enrolment last.
    /// </remarks>
    public async Task<(Enrollment Enrollment, bool Created)> CreateAsync(Enrollment enrollment, IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        ArgumentNullException.ThrowIfNull(nudges);
        if (await GetAsync(enrollment.EmployerId, enrollment.Id, cancellationToken) is { } sameId)
        {
            return (sameId, false);
        }

        if (enrollment.ExternalId is { } externalId
            && await ReserveExternalIdAsync(enrollment, externalId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        await _nudges.AddAsync(nudges, cancellationToken);
        var etag = await database.Items.CreateAsync(database.Data, ToDocument(enrollment), enrollment.EmployerId, cancellationToken);
        if (etag is null)
        {
            // Another call created the same enrolment id in the meantime.
            var winner = await GetAsync(enrollment.EmployerId, enrollment.Id, cancellationToken);
            return (winner ?? throw new InvalidOperationException("The enrolment id conflicted but cannot be read back."), false);
        }

        return (enrollment with { Version = etag }, true);
    }

    public async Task<Enrollment?> GetAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        var (document, etag) = await database.Items.ReadAsync<EnrollmentDocument>(
            database.Data, CosmosIds.Enrollment(enrollmentId), employerId, cancellationToken);
        return document is null ? null : document.Enrollment with { Version = etag! };
    }

    public async Task<Enrollment?> FindByExternalIdAsync(string employerId, string externalId, CancellationToken cancellationToken)
    {
        var (reservation, _) = await database.Items.ReadAsync<ExternalIdDocument>(
            database.Data, CosmosIds.ExternalId(externalId), employerId, cancellationToken);
        if (reservation is null)
        {
            return null;
        }

        var enrollment = await GetAsync(employerId, reservation.EnrollmentId, cancellationToken);
        return enrollment?.ExternalId == externalId ? enrollment : null;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The cursor is not one this store handed out.</exception>
    public Task<Page<Enrollment>> ListAsync(string employerId, EnrollmentStatus? status, string? cursor, int limit, CancellationToken cancellationToken) =>
        CosmosEnrollmentListing.ListAsync(database, employerId, status, cursor, limit, cancellationToken);

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The new external id belongs to another enrolment of the employer.</exception>
    public async Task<Enrollment?> TryUpdateAsync(Enrollment enrollment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        if (enrollment.Version.Length == 0)
        {
            return null;
        }

        var current = await GetAsync(enrollment.EmployerId, enrollment.Id, cancellationToken);
        if (current is null || current.Version != enrollment.Version)
        {
            return null;
        }

        var newExternalId = enrollment.ExternalId is { } id && id != current.ExternalId ? id : null;
        if (newExternalId is not null && await ReserveExternalIdAsync(enrollment, newExternalId, cancellationToken) is not null)
        {
            throw new InvalidOperationException("Another enrolment of this employer already has that external id.");
        }

        var etag = await database.Items.ReplaceAsync(
            database.Data, ToDocument(enrollment), CosmosIds.Enrollment(enrollment.Id), enrollment.EmployerId, enrollment.Version, cancellationToken);
        if (etag is null)
        {
            if (newExternalId is not null)
            {
                await database.Items.DeleteAsync(database.Data, CosmosIds.ExternalId(newExternalId), enrollment.EmployerId, null, cancellationToken);
            }

            return null;
        }

        if (current.ExternalId is { } oldExternalId && oldExternalId != enrollment.ExternalId)
        {
            await database.Items.DeleteAsync(database.Data, CosmosIds.ExternalId(oldExternalId), enrollment.EmployerId, null, cancellationToken);
        }

        return enrollment with { Version = etag };
    }

    /// <summary>Reserves the external id for this enrolment; returns the enrolment that already holds it, or null once reserved.</summary>
    private Task<Enrollment?> ReserveExternalIdAsync(Enrollment enrollment, string externalId, CancellationToken cancellationToken) =>
        new CosmosExternalIdReservation(database, this).ReserveAsync(enrollment, externalId, cancellationToken);

    private EnrollmentDocument ToDocument(Enrollment enrollment) => new(
        CosmosIds.Enrollment(enrollment.Id),
        enrollment.EmployerId,
        enrollment.Id,
        enrollment.ExternalId,
        enrollment.Status,
        enrollment.CreatedAt.ToUnixTimeMilliseconds(),
        enrollment with { Version = "" },
        database.TimeToLiveSeconds);
}
