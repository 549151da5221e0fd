using NodaTime;
using NodaTime.Text;

namespace Retention.Core.Enrollments;

/// <summary>
/// Checks a submitted enrolment and reports every problem at once, each with the camelCase JSON path of its
/// field. Fills the defaults: newcomer time zone <c>Europe/Oslo</c>, ildsjel language <c>nb</c>.
/// </summary>
public sealed class EnrollmentValidator : IEnrollmentValidator
{
    private readonly EnrollmentValidationOptions _options;
    private readonly string[] _languages;

    public EnrollmentValidator()
        : this(new EnrollmentValidationOptions())
    {
    }

    public EnrollmentValidator(EnrollmentValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _languages = options.SupportedLanguages is { Length: > 0 } languages
            ? [.. languages.Select(l => l.Trim().ToLowerInvariant())]
            : ["nb", "en"];
    }

    /// <inheritdoc />
    public EnrollmentValidation Validate(EnrollmentDraft draft, string employerId, string enrollmentId, Instant now, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var check = new FieldChecks(_languages);

        var externalId = check.ExternalId(draft.ExternalId);
        var newcomer = Person(check, "newcomer", draft.Newcomer, required: true);
        var newcomerLanguage = check.Language("newcomer.language", draft.Newcomer?.Language, _options.DefaultNewcomerLanguage);
        var zone = check.TimeZone("newcomer.timeZone", draft.Newcomer?.TimeZone, _options.DefaultNewcomerTimeZone);
        var ildsjel = Person(check, "ildsjel", draft.Ildsjel, required: true);
        var ildsjelLanguage = check.Language("ildsjel.language", draft.Ildsjel?.Language, _options.DefaultIldsjelLanguage);
        var hr = draft.HrContact is null ? default : Person(check, "hrContact", draft.HrContact, required: true);
        if (newcomer.Email is not null && string.Equals(newcomer.Email, ildsjel.Email, StringComparison.OrdinalIgnoreCase))
        {
            check.Add("ildsjel.email", "must differ from the newcomer's e-mail: the ildsjel is a colleague, not the newcomer");
        }

        var arrival = check.Date("arrivalDate", draft.ArrivalDate);
        var start = check.Date("startDate", draft.StartDate);
        if (arrival is { } a)
        {
            if (a > today.PlusMonths(EnrollmentLimits.ArrivalMaxMonthsAhead))
            {
                check.Add("arrivalDate", $"must be at most {EnrollmentLimits.ArrivalMaxMonthsAhead} months ahead");
            }
            else if (a < today.PlusMonths(-EnrollmentLimits.ArrivalMaxMonthsBack))
            {
                check.Add("arrivalDate", $"must be at most {EnrollmentLimits.ArrivalMaxMonthsBack} months back");
            }

            if (start is { } s && s < a.PlusDays(-_options.StartBeforeArrivalMarginDays))
            {
                check.Add("startDate", _options.StartBeforeArrivalMarginDays == 0
                    ? "must not be before the arrival date"
                    : $"must not be more than {_options.StartBeforeArrivalMarginDays} days before the arrival date");
            }
        }

        var municipality = check.Text("municipality", draft.Municipality, EnrollmentLimits.MunicipalityMaxLength, required: true);
        var family = check.Family(draft.Family);
        var interests = check.Interests(draft.Interests);
        var consent = check.Consent(draft.Consent);

        if (check.Errors.Count > 0)
        {
            return EnrollmentValidation.Invalid(check.Errors);
        }

        return EnrollmentValidation.Valid(new Enrollment
        {
            EmployerId = employerId,
            Id = enrollmentId,
            ExternalId = externalId,
            Newcomer = new Newcomer(newcomer.Name!, newcomer.Email!, newcomerLanguage!, zone!),
            Ildsjel = new Ildsjel(ildsjel.Name!, ildsjel.Email!, ildsjelLanguage!),
            HrContact = hr.Name is null ? null : new HrContact(hr.Name, hr.Email!),
            ArrivalDate = arrival!.Value,
            StartDate = start!.Value,
            Municipality = municipality!,
            Family = family!,
            Interests = interests!,
            Consent = consent!,
            CreatedAt = now,
        });
    }

    private static (string? Name, string? Email) Person(FieldChecks check, string path, PersonDraft? person, bool required)
    {
        if (person is null)
        {
            if (required)
            {
                check.Add(path, "is required");
            }

            return default;
        }

        var name = check.Text(path + ".name", person.Name, EnrollmentLimits.NameMaxLength, required: true);
        var email = check.Email(path + ".email", person.Email);
        return (name, email);
    }
}
