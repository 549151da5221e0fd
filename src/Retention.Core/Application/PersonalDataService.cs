using Retention.Core.Email;
using Retention.Core.Enrollments;
using Retention.Core.Privacy;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>
/// Erasure on request: personal fields of the enrolment (names, addresses, external id, family, interests,
/// check-in comments, the e-mail provider's error texts on nudges, which can quote an address, and the copies of sent
/// messages the service keeps) are removed everywhere; dates, municipality, statuses and numbers stay for the aggregates.
/// </summary>
public sealed class PersonalDataService(
    IEventStore events, INudgeStore nudges, EnrollmentChanges changes, IEnumerable<ISentMailArchive> archives, Pseudonyms pseudonyms,
    RetentionClock clock)
{
    public const string ErasedName = "(erased)";
    public const string ErasedEmail = "erased@erased.invalid";

    public async Task<CommandStatus> EraseAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        // Nothing may be sent to an erased person: the erased record itself stops dispatch, and the re-plan under the
        // journey lease cancels every future nudge. A repeated call finishes an erasure a crash interrupted.
        var result = await changes.ApplyAsync(employerId, enrollmentId, current => current.Erased
            ? EnrollmentDecision.Change(current)
            : EnrollmentDecision.Change(current with
            {
                // Kept only as a keyed hash, so that the erased person is recognised, not re-enrolled, by a later import.
                ExternalId = current.ExternalId is { } externalId ? ErasedExternalId.For(pseudonyms, employerId, externalId) : null,
                Newcomer = new Newcomer(ErasedName, ErasedEmail, current.Newcomer.Language, "Europe/Oslo"),
                Ildsjel = new Ildsjel(ErasedName, ErasedEmail, current.Ildsjel.Language),
                HrContact = null,
                Family = Family.None,
                Interests = [],
                Consent = new Consent(false),
                Status = current.Status == EnrollmentStatus.Active || current.Status == EnrollmentStatus.Paused ? EnrollmentStatus.Cancelled : current.Status,
                StatusChangedAt = current.Status == EnrollmentStatus.Active || current.Status == EnrollmentStatus.Paused ? clock.Now : current.StatusChangedAt,
                Erased = true,
            }), null, cancellationToken);
        if (result.Status != CommandStatus.Done)
        {
            return result.Status;
        }

        var journey = await nudges.GetJourneyAsync(employerId, enrollmentId, cancellationToken);
        await EraseErrorTextsAsync(journey, cancellationToken);
        await EraseSentCopiesAsync(journey, cancellationToken);

        // Last, because a store may finish here what the steps before left behind (SQLite checkpoints its log).
        await events.ErasePersonalDataAsync(employerId, enrollmentId, cancellationToken);
        return CommandStatus.Done;
    }

    /// <summary>
    /// The messages of this journey are known by the idempotency keys pinned on their nudges, which erasure keeps (ids
    /// and a digest, no personal data), so a repeated call after a crash still finds them.
    /// </summary>
    private async Task EraseSentCopiesAsync(IReadOnlyList<Journeys.Nudge> journey, CancellationToken cancellationToken)
    {
        var keys = journey
            .Select(n => n.IdempotencyKey)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (keys.Count == 0)
        {
            return;
        }

        foreach (var archive in archives)
        {
            await archive.EraseAsync(keys, cancellationToken);
        }
    }

    /// <summary>A provider's error text (kept for operators on a failed or retried nudge) can quote the recipient's address.</summary>
    private async Task EraseErrorTextsAsync(IReadOnlyList<Journeys.Nudge> journey, CancellationToken cancellationToken)
    {
        // The compare-and-set reads a nudge that changed since the journey was read again before it writes.
        foreach (var nudge in journey)
        {
            await nudges.UpdateAsync(nudge, n => n.LastError is null || n.LastError == ErasedName ? null : n with { LastError = ErasedName }, cancellationToken);
        }
    }
}
