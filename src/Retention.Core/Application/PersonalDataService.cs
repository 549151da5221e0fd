using Retention.Core.Enrollments;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>
/// Erasure on request: personal fields of the enrolment (names, addresses, external id, family, interests,
/// check-in comments) are removed everywhere; dates, municipality, statuses and numbers stay for the aggregates.
/// </summary>
public sealed class PersonalDataService(IEnrollmentStore enrollments, IEventStore events, JourneyChanges journeyChanges, RetentionClock clock)
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
}
