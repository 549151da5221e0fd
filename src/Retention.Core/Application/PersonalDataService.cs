using Retention.Core.Enrollments;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>
/// Erasure on request: personal fields of the enrolment (names, addresses, external id, family, interests,
/// check-in comments, and the e-mail provider's error texts on nudges, which can quote an address) are removed
/// everywhere; dates, municipality, statuses and numbers stay for the aggregates.
/// </summary>
public sealed class PersonalDataService(
    IEnrollmentStore enrollments, IEventStore events, INudgeStore nudges, JourneyChanges journeyChanges, RetentionClock clock)
{
    public const string ErasedName = "(erased)";
    public const string ErasedEmail = "erased@erased.invalid";

    public async Task<CommandStatus> EraseAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await enrollments.GetAsync(employerId, enrollmentId, cancellationToken);
            if (current is null)
            {
                return CommandStatus.NotFound;
            }

            // Nothing may be sent to an erased person: stop the journey first.
            await journeyChanges.CancelFutureAsync(employerId, enrollmentId, _ => true, cancellationToken);
            await events.ErasePersonalDataAsync(employerId, enrollmentId, cancellationToken);
            await EraseErrorTextsAsync(employerId, enrollmentId, cancellationToken);
            if (current.Erased)
            {
                return CommandStatus.Done;
            }

            var erased = current with
            {
                ExternalId = null,
                Newcomer = new Newcomer(ErasedName, ErasedEmail, current.Newcomer.Language, "Europe/Oslo"),
                Ildsjel = new Ildsjel(ErasedName, ErasedEmail, current.Ildsjel.Language),
                HrContact = null,
                Family = Family.None,
                Interests = [],
                Consent = new Consent(false),
                Status = current.Status == EnrollmentStatus.Active || current.Status == EnrollmentStatus.Paused ? EnrollmentStatus.Cancelled : current.Status,
                StatusChangedAt = current.Status == EnrollmentStatus.Active || current.Status == EnrollmentStatus.Paused ? clock.Now : current.StatusChangedAt,
                Erased = true,
            };
            if (await enrollments.TryUpdateAsync(erased, cancellationToken) is not null)
            {
                return CommandStatus.Done;
            }
        }

        return CommandStatus.Conflict;
    }

    /// <summary>A provider's error text (kept for operators on a failed or retried nudge) can quote the recipient's address.</summary>
    private async Task EraseErrorTextsAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var withText = (await nudges.GetJourneyAsync(employerId, enrollmentId, cancellationToken))
                .Where(n => n.LastError is not null && n.LastError != ErasedName)
                .ToList();
            var conflicts = 0;
            foreach (var nudge in withText)
            {
                if (await nudges.TryUpdateAsync(nudge with { LastError = ErasedName }, cancellationToken) is null)
                {
                    conflicts++;
                }
            }

            if (conflicts == 0)
            {
                return;
            }
        }
    }
}
