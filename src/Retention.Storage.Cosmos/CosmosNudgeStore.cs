using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Storage.Cosmos;

/// <summary>
/// Nudges in Cosmos DB, one document each; the version is the document's ETag. The journey of an enrolment
/// is its journey document (the nudge ids) plus one point read per nudge: no query anywhere.
/// </summary>
public sealed class CosmosNudgeStore(CosmosDatabase database) : INudgeStore
{
    private const int MaxAttempts = 20;

    public async Task<Nudge?> GetAsync(string employerId, string nudgeId, CancellationToken cancellationToken)
    {
        var (document, etag) = await database.Items.ReadAsync<NudgeDocument>(database.Data, CosmosIds.Nudge(nudgeId), employerId, cancellationToken);
        return document?.ToNudge(etag!);
    }

    public async Task<IReadOnlyList<Nudge>> GetJourneyAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        var (journey, _) = await database.Items.ReadAsync<JourneyDocument>(database.Data, CosmosIds.Journey(enrollmentId), employerId, cancellationToken);
        if (journey is null)
        {
            return [];
        }

        var nudges = await Task.WhenAll(journey.NudgeIds.Select(id => GetAsync(employerId, id, cancellationToken)));
        return nudges.OfType<Nudge>().OrderBy(n => n.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc/>
    /// <remarks>The nudges are written before their ids join the journey document, so a journey never lists a nudge that is not there.</remarks>
    public async Task AddAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudges);
        foreach (var journey in nudges.GroupBy(n => (n.EmployerId, n.EnrollmentId)))
        {
            // A create of an id already stored is a 409 and changes nothing: exactly "left as it is".
            await Task.WhenAll(journey.Select(n => database.Items.CreateAsync(
                database.Data, ToDocument(n), n.EmployerId, cancellationToken)));
            await AppendToJourneyAsync(journey.Key.EmployerId, journey.Key.EnrollmentId, journey.Select(n => n.Id).ToList(), cancellationToken);
        }
    }

    public async Task<Nudge?> TryUpdateAsync(Nudge nudge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        if (nudge.Version.Length == 0)
        {
            return null;
        }

        var etag = await database.Items.ReplaceAsync(
            database.Data, ToDocument(nudge), CosmosIds.Nudge(nudge.Id), nudge.EmployerId, nudge.Version, cancellationToken);
        return etag is null ? null : nudge with { Version = etag };
    }

    private async Task AppendToJourneyAsync(string employerId, string enrollmentId, IReadOnlyList<string> nudgeIds, CancellationToken cancellationToken)
    {
        var id = CosmosIds.Journey(enrollmentId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (journey, etag) = await database.Items.ReadAsync<JourneyDocument>(database.Data, id, employerId, cancellationToken);
            if (journey is null)
            {
                var created = new JourneyDocument(id, employerId, enrollmentId, nudgeIds.Distinct(StringComparer.Ordinal).ToList(), database.TimeToLiveSeconds);
                if (await database.Items.CreateAsync(database.Data, created, employerId, cancellationToken) is not null)
                {
                    return;
                }

                continue;
            }

            var missing = nudgeIds.Except(journey.NudgeIds, StringComparer.Ordinal).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            var updated = journey with { NudgeIds = [.. journey.NudgeIds, .. missing], Ttl = database.TimeToLiveSeconds };
            if (await database.Items.ReplaceAsync(database.Data, updated, id, employerId, etag!, cancellationToken) is not null)
            {
                return;
            }
        }

        throw new InvalidOperationException("The journey document kept changing; the nudges are stored but not all are listed yet.");
    }

    private NudgeDocument ToDocument(Nudge nudge) => NudgeDocument.From(nudge, database.TimeToLiveSeconds);
}
