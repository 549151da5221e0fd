using NodaTime;
using Retention.Core.Application;
using Retention.Core.Enrollments;
using Retention.Core.Tests.Journeys;

namespace Retention.Core.Tests.Application;

/// <summary>A patch applied to the draft of the current enrolment, then validated by the enrolment rules.</summary>
public sealed class EnrollmentPatchTests
{
    private static readonly LocalDate Today = new(2027, 1, 11);

    // An ildsjel who writes English, so that a kept language is told apart from the default "nb".
    private static readonly Enrollment Current = SampleEnrollments.Audrey() with
    {
        ExternalId = "HR-4711",
        Ildsjel = new Ildsjel("Karianne", "karianne@example.no", "en"),
        Interests = ["hiking"],
    };

    [Fact]
    public void A_corrected_address_changes_only_that_address()
    {
        var changed = Valid(new EnrollmentPatch
        {
            Newcomer = new PersonDraft { Email = "audrey.m@example.com" },
            Ildsjel = new PersonDraft { Email = "karianne.h@example.no" },
            HrContact = new PersonDraft { Name = "Ingrid H." },
        });

        Assert.Equal(Current.Newcomer with { Email = "audrey.m@example.com" }, changed.Newcomer);

        // The ildsjel keeps her language: a partial ildsjel is not a new one with the default "nb".
        Assert.Equal(Current.Ildsjel with { Email = "karianne.h@example.no" }, changed.Ildsjel);
        Assert.Equal(new HrContact("Ingrid H.", "hr@example.no"), changed.HrContact);
        Assert.Equal((Current.ArrivalDate, Current.Municipality), (changed.ArrivalDate, changed.Municipality));
        Assert.Equal(Current.Interests, changed.Interests);
    }

    [Fact]
    public void The_hr_contact_can_be_removed_and_added()
    {
        Assert.Null(Valid(new EnrollmentPatch { RemoveHrContact = true, HrContact = new PersonDraft { Name = "ignored" } }).HrContact);

        var without = Current with { HrContact = null };
        var added = Validate(without, new EnrollmentPatch { HrContact = new PersonDraft { Name = "Ola", Email = "ola@example.no" } });
        Assert.Equal(new HrContact("Ola", "ola@example.no"), added.Enrollment!.HrContact);

        var half = Validate(without, new EnrollmentPatch { HrContact = new PersonDraft { Name = "Ola" } });
        Assert.Equal([new FieldError("hrContact.email", "is required")], half.Errors);
    }

    [Fact]
    public void Family_merges_field_by_field_while_interests_and_consent_are_replaced()
    {
        var changed = Valid(new EnrollmentPatch
        {
            Family = new FamilyDraft { Partner = false },
            Interests = [],
            Consent = new ConsentDraft { NewcomerNudges = false },
        });

        Assert.False(changed.Family.Partner);
        Assert.Equal([4, 9], changed.Family.ChildrenAges);
        Assert.Empty(changed.Interests);
        Assert.False(changed.Consent.NewcomerNudges);
    }

    [Fact]
    public void Consent_sent_without_an_explicit_answer_is_refused()
    {
        var result = Validate(Current, new EnrollmentPatch { Consent = new ConsentDraft() });

        Assert.Equal(["consent.newcomerNudges"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Every_change_is_held_to_the_rules_of_a_new_enrolment()
    {
        var result = Validate(Current, new EnrollmentPatch
        {
            Newcomer = new PersonDraft { Email = "not-an-address", TimeZone = "Mars/Olympus" },
            Ildsjel = new PersonDraft { Email = "audrey@example.com", Language = "xx" },
            StartDate = "2027-02-01",
            Interests = [" "],
        });

        Assert.Equal(
            ["ildsjel.language", "interests[0]", "newcomer.email", "newcomer.timeZone", "startDate"],
            result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_empty_patch_gives_the_enrolment_back_as_it_was()
    {
        var same = Valid(new EnrollmentPatch());

        Assert.Equal(
            (Current.Newcomer, Current.Ildsjel, Current.HrContact, Current.ArrivalDate, Current.StartDate, Current.Municipality, Current.Consent),
            (same.Newcomer, same.Ildsjel, same.HrContact, same.ArrivalDate, same.StartDate, same.Municipality, same.Consent));
        Assert.Equal(Current.Family.Partner, same.Family.Partner);
        Assert.Equal(Current.Family.ChildrenAges, same.Family.ChildrenAges);
        Assert.Equal(Current.Interests, same.Interests);
    }

    private static Enrollment Valid(EnrollmentPatch patch)
    {
        var result = Validate(Current, patch);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Enrollment;
    }

    private static EnrollmentValidation Validate(Enrollment current, EnrollmentPatch patch) =>
        new EnrollmentValidator().Validate(current.ToDraft().Apply(patch), current.EmployerId, current.Id, current.CreatedAt, Today);
}
