using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Core.Tests.Enrollments;

public sealed class EnrollmentValidatorTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 10, 0);
    private static readonly LocalDate Today = new(2026, 11, 23);

    private static EnrollmentDraft Valid => new()
    {
        ExternalId = "HR-4711",
        Newcomer = new PersonDraft { Name = "Audrey", Email = "audrey@example.com", Language = "en", TimeZone = "America/Chicago" },
        Ildsjel = new PersonDraft { Name = "Karianne", Email = "karianne@example.no", Language = "nb" },
        HrContact = new PersonDraft { Name = "Ingrid", Email = "hr@example.no" },
        ArrivalDate = "2027-03-01",
        StartDate = "2027-03-03",
        Municipality = "Haugesund",
        Family = new FamilyDraft { Partner = true, ChildrenAges = [4, 9] },
        Interests = ["hiking", "choir"],
        Consent = new ConsentDraft { NewcomerNudges = true },
    };

    [Fact]
    public void A_valid_draft_becomes_an_enrolment()
    {
        var result = Validate(Valid with { Municipality = "  Haugesund " });

        Assert.True(result.IsValid);
        var e = result.Enrollment;
        Assert.Equal(("employer-1", "enrollment-1", "HR-4711"), (e.EmployerId, e.Id, e.ExternalId));
        Assert.Equal(new Newcomer("Audrey", "audrey@example.com", "en", "America/Chicago"), e.Newcomer);
        Assert.Equal(new Ildsjel("Karianne", "karianne@example.no", "nb"), e.Ildsjel);
        Assert.Equal(new HrContact("Ingrid", "hr@example.no"), e.HrContact);
        Assert.Equal((new LocalDate(2027, 3, 1), new LocalDate(2027, 3, 3)), (e.ArrivalDate, e.StartDate));
        Assert.Equal("Haugesund", e.Municipality);
        Assert.True(e.Family.Partner);
        Assert.Equal([4, 9], e.Family.ChildrenAges);
        Assert.Equal(["hiking", "choir"], e.Interests);
        Assert.True(e.Consent.NewcomerNudges);
        Assert.Equal(Now, e.CreatedAt);
        Assert.Equal(EnrollmentStatus.Active, e.Status);
    }

    [Fact]
    public void Missing_zone_and_ildsjel_language_get_their_defaults_and_optional_parts_may_be_left_out()
    {
        var result = Validate(Valid with
        {
            ExternalId = null,
            Newcomer = Valid.Newcomer! with { TimeZone = null },
            Ildsjel = Valid.Ildsjel! with { Language = null },
            HrContact = null,
            Family = null,
            Interests = null,
        });

        Assert.True(result.IsValid);
        Assert.Equal("Europe/Oslo", result.Enrollment.Newcomer.TimeZone);
        Assert.Equal("nb", result.Enrollment.Ildsjel.Language);
        Assert.Null(result.Enrollment.HrContact);
        Assert.Null(result.Enrollment.ExternalId);
        Assert.Equal(Family.None, result.Enrollment.Family);
        Assert.Empty(result.Enrollment.Interests);
    }

    [Fact]
    public void An_empty_draft_reports_every_required_field()
    {
        var result = Validate(new EnrollmentDraft());

        Assert.False(result.IsValid);
        Assert.Null(result.Enrollment);
        Assert.Equal(["newcomer", "ildsjel", "arrivalDate", "startDate", "municipality", "consent"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.StartsWith("is required", e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = Validate(new EnrollmentDraft
        {
            ExternalId = "HR 4711",
            Newcomer = new PersonDraft { Name = "Au\u0007drey", Email = "audrey@", Language = "de", TimeZone = "Mars/Olympus" },
            Ildsjel = new PersonDraft { Name = new string('K', 201), Email = "karianne@example.no", Language = "nb" },
            HrContact = new PersonDraft { Email = "hr@example.no" },
            ArrivalDate = "01.03.2027",
            StartDate = "2027-02-30",
            Municipality = "",
            Family = new FamilyDraft { ChildrenAges = [4, 26, -1] },
            Interests = ["hiking", "", new string('x', 61)],
            Consent = new ConsentDraft(),
        });

        string[] fields =
        [
            "externalId", "newcomer.name", "newcomer.email", "newcomer.language", "newcomer.timeZone", "ildsjel.name", "hrContact.name",
            "arrivalDate", "startDate", "municipality", "family.childrenAges[1]", "family.childrenAges[2]", "interests[1]", "interests[2]",
            "consent.newcomerNudges",
        ];
        Assert.Equal(fields.Order(StringComparer.Ordinal), result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2027-3-1")]
    [InlineData("01.03.2027")]
    [InlineData("2027-02-29")]
    [InlineData("2027-03-01T00:00:00Z")]
    [InlineData("tomorrow")]
    public void Dates_must_be_ISO_calendar_dates(string date)
    {
        var result = Validate(Valid with { ArrivalDate = date });

        Assert.Equal([new FieldError("arrivalDate", "must be a date in ISO 8601 form (yyyy-MM-dd)")], result.Errors);
    }

    [Theory]
    [InlineData("2028-05-23", true)] // 18 months ahead
    [InlineData("2028-05-24", false)]
    [InlineData("2024-11-23", true)] // 24 months back
    [InlineData("2024-11-22", false)]
    public void Arrival_lies_at_most_18_months_ahead_and_24_months_back(string arrival, bool valid)
    {
        var result = Validate(Valid with { ArrivalDate = arrival, StartDate = arrival });

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal("arrivalDate", Assert.Single(result.Errors).Field);
        }
    }

    [Theory]
    [InlineData(0, "2027-02-28", false)]
    [InlineData(0, "2027-03-01", true)]
    [InlineData(7, "2027-02-22", true)]
    [InlineData(7, "2027-02-21", false)]
    public void Start_may_lie_before_arrival_only_by_the_margin(int margin, string start, bool valid)
    {
        var validator = new EnrollmentValidator(new EnrollmentValidationOptions { StartBeforeArrivalMarginDays = margin });

        var result = validator.Validate(Valid with { StartDate = start }, "employer-1", "enrollment-1", Now, Today);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal("startDate", Assert.Single(result.Errors).Field);
        }
    }

    [Theory]
    [InlineData("audrey")]
    [InlineData("audrey@")]
    [InlineData("@example.com")]
    [InlineData("audrey@example")]
    [InlineData("audrey@@example.com")]
    [InlineData("au drey@example.com")]
    [InlineData("audrey.@example.com")]
    [InlineData("au..drey@example.com")]
    [InlineData("audrey@-example.com")]
    [InlineData("audrey@example..com")]
    [InlineData("audrey@example.c0m")]
    [InlineData("Audrey <audrey@example.com>")]
    public void Malformed_emails_are_refused(string email)
    {
        var result = Validate(Valid with { Newcomer = Valid.Newcomer! with { Email = email } });

        Assert.Equal([new FieldError("newcomer.email", "is not a valid e-mail address")], result.Errors);
    }

    [Theory]
    [InlineData("audrey@example.com")]
    [InlineData("audrey.o'neil+work@mail.example.co.uk")]
    [InlineData("a@xn--bcher-kva.example")]
    public void Ordinary_emails_are_accepted(string email)
    {
        Assert.True(Validate(Valid with { Newcomer = Valid.Newcomer! with { Email = email } }).IsValid);
    }

    [Fact]
    public void The_ildsjel_cannot_be_the_newcomer()
    {
        var result = Validate(Valid with { Ildsjel = Valid.Ildsjel! with { Email = "AUDREY@example.com" } });

        Assert.Equal("ildsjel.email", Assert.Single(result.Errors).Field);
    }

    [Theory]
    [InlineData("de", false)]
    [InlineData("EN", true)]
    [InlineData("nn", false)]
    public void Language_must_be_supported(string language, bool valid)
    {
        var result = Validate(Valid with { Newcomer = Valid.Newcomer! with { Language = language } });

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid ? [] : ["newcomer.language"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Supported_languages_come_from_the_options()
    {
        var validator = new EnrollmentValidator(new EnrollmentValidationOptions { SupportedLanguages = ["nb", "en", "uk"] });

        var result = validator.Validate(Valid with { Newcomer = Valid.Newcomer! with { Language = "uk" } }, "e", "n", Now, Today);

        Assert.True(result.IsValid);
        Assert.Equal("uk", result.Enrollment.Newcomer.Language);
    }

    [Theory]
    [InlineData("Mars/Olympus", null)]
    [InlineData("CET+1", null)]
    [InlineData("america/chicago", "America/Chicago")]
    [InlineData("Asia/Kathmandu", "Asia/Kathmandu")]
    public void Time_zone_must_be_a_known_IANA_zone(string zone, string? normalised)
    {
        var result = Validate(Valid with { Newcomer = Valid.Newcomer! with { TimeZone = zone } });

        Assert.Equal(normalised, result.Enrollment?.Newcomer.TimeZone);
        Assert.Equal(normalised is null ? ["newcomer.timeZone"] : [], result.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("Au\u0000drey")]
    [InlineData("Audrey\nBcc: x@example.com")]
    [InlineData("Aud\u007Frey")]
    public void Control_characters_are_refused(string name)
    {
        var result = Validate(Valid with { Newcomer = Valid.Newcomer! with { Name = name } });

        Assert.Equal([new FieldError("newcomer.name", "must not contain control characters")], result.Errors);
    }

    [Fact]
    public void Over_long_strings_are_refused_at_their_limits()
    {
        var atLimit = Validate(Valid with { Municipality = new string('m', EnrollmentLimits.MunicipalityMaxLength), ExternalId = new string('x', 64) });
        var overLimit = Validate(Valid with { Municipality = new string('m', EnrollmentLimits.MunicipalityMaxLength + 1), ExternalId = new string('x', 65) });

        Assert.True(atLimit.IsValid);
        Assert.Equal(["externalId", "municipality"], overLimit.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Children_ages_lie_between_0_and_25_and_name_their_index()
    {
        var result = Validate(Valid with { Family = new FamilyDraft { ChildrenAges = [0, 25, 26, -1] } });

        Assert.Equal(["family.childrenAges[2]", "family.childrenAges[3]"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Interests_are_limited_in_count_and_length()
    {
        var many = Validate(Valid with { Interests = [.. Enumerable.Range(0, EnrollmentLimits.InterestsMaxCount + 1).Select(i => "i" + i)] });
        var long_ = Validate(Valid with { Interests = ["hiking", new string('x', EnrollmentLimits.InterestMaxLength + 1)] });

        Assert.Equal(["interests"], many.Errors.Select(e => e.Field));
        Assert.Equal(["interests[1]"], long_.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Consent_must_be_answered_either_way()
    {
        Assert.Equal(["consent"], Validate(Valid with { Consent = null }).Errors.Select(e => e.Field));
        Assert.Equal(["consent.newcomerNudges"], Validate(Valid with { Consent = new ConsentDraft() }).Errors.Select(e => e.Field));
        var declined = Validate(Valid with { Consent = new ConsentDraft { NewcomerNudges = false } });
        Assert.True(declined.IsValid);
        Assert.False(declined.Enrollment.Consent.NewcomerNudges);
    }

    [Theory]
    [InlineData("HR-4711", true)]
    [InlineData("a.b_c-9", true)]
    [InlineData("HR 4711", false)]
    [InlineData("HR/4711", false)]
    [InlineData("ÆØÅ-1", false)]
    public void External_id_holds_only_safe_characters(string externalId, bool valid)
    {
        Assert.Equal(valid, Validate(Valid with { ExternalId = externalId }).IsValid);
    }

    private static EnrollmentValidation Validate(EnrollmentDraft draft) =>
        new EnrollmentValidator().Validate(draft, "employer-1", "enrollment-1", Now, Today);
}
