using NodaTime.Text;
using Retention.Core.Enrollments;

namespace Retention.Core.Application;

/// <summary>Turns a stored enrolment back into a draft, so a change can be validated by the same rules as a new enrolment.</summary>
public static class EnrollmentDraftExtensions
{
    public static EnrollmentDraft ToDraft(this Enrollment enrollment)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        return new EnrollmentDraft
        {
            ExternalId = enrollment.ExternalId,
            Newcomer = new PersonDraft
            {
                Name = enrollment.Newcomer.Name,
                Email = enrollment.Newcomer.Email,
                Language = enrollment.Newcomer.Language,
                TimeZone = enrollment.Newcomer.TimeZone,
            },
            Ildsjel = new PersonDraft { Name = enrollment.Ildsjel.Name, Email = enrollment.Ildsjel.Email, Language = enrollment.Ildsjel.Language },
            HrContact = enrollment.HrContact is { } hr ? new PersonDraft { Name = hr.Name, Email = hr.Email } : null,
            ArrivalDate = LocalDatePattern.Iso.Format(enrollment.ArrivalDate),
            StartDate = LocalDatePattern.Iso.Format(enrollment.StartDate),
            Municipality = enrollment.Municipality,
            Family = new FamilyDraft { Partner = enrollment.Family.Partner, ChildrenAges = enrollment.Family.ChildrenAges },
            Interests = enrollment.Interests,
            Consent = new ConsentDraft { NewcomerNudges = enrollment.Consent.NewcomerNudges },
        };
    }

    /// <summary>
    /// The draft with the patch's non-null fields applied. People and the family merge field by field, so that a
    /// corrected e-mail address leaves the name and language as they were; interests and consent are replaced.
    /// </summary>
    public static EnrollmentDraft Apply(this EnrollmentDraft draft, EnrollmentPatch patch)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(patch);
        return draft with
        {
            Newcomer = Merge(draft.Newcomer, patch.Newcomer),
            Ildsjel = Merge(draft.Ildsjel, patch.Ildsjel),
            HrContact = patch.RemoveHrContact ? null : Merge(draft.HrContact, patch.HrContact),
            ArrivalDate = patch.ArrivalDate ?? draft.ArrivalDate,
            StartDate = patch.StartDate ?? draft.StartDate,
            Municipality = patch.Municipality ?? draft.Municipality,
            Family = patch.Family is { } family
                ? new FamilyDraft { Partner = family.Partner ?? draft.Family?.Partner, ChildrenAges = family.ChildrenAges ?? draft.Family?.ChildrenAges }
                : draft.Family,
            Interests = patch.Interests ?? draft.Interests,
            Consent = patch.Consent ?? draft.Consent,
        };
    }

    private static PersonDraft? Merge(PersonDraft? current, PersonDraft? change) =>
        change is null ? current
        : current is null ? change
        : new PersonDraft
        {
            Name = change.Name ?? current.Name,
            Email = change.Email ?? current.Email,
            Language = change.Language ?? current.Language,
            TimeZone = change.TimeZone ?? current.TimeZone,
        };
}
