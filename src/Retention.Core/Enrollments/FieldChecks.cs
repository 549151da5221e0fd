using System.Collections.Frozen;
using System.Globalization;
using NodaTime;

namespace Retention.Core.Enrollments;

/// <summary>The field rules of enrolment validation; collects a <see cref="FieldError"/> per problem and returns the cleaned value.</summary>
internal sealed partial class FieldChecks(string[] languages)
{
    private static readonly FrozenDictionary<string, string> Zones =
        DateTimeZoneProviders.Tzdb.Ids.ToFrozenDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase);

    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public void Add(string field, string reason) => _errors.Add(new FieldError(field, reason));

    /// <summary>Trimmed text, or null (with an error when required) if missing, too long or holding control characters.</summary>
    public string? Text(string field, string? value, int maxLength, bool required)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        var ok = true;
        if (text.Length > maxLength)
        {
            Add(field, string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters"));
            ok = false;
        }

        if (text.Any(char.IsControl))
        {
            Add(field, "must not contain control characters");
            ok = false;
        }

        return ok ? text : null;
    }

    public string? Email(string field, string? value)
    {
        var email = Text(field, value, EnrollmentLimits.EmailMaxLength, required: true);
        if (email is not null && !EmailAddressRule.IsValid(email))
        {
            Add(field, "is not a valid e-mail address");
            return null;
        }

        return email;
    }

    public string? ExternalId(string? value)
    {
        var id = Text("externalId", value, EnrollmentLimits.ExternalIdMaxLength, required: false);
        if (id is not null && !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            Add("externalId", "may only hold letters A–Z, digits, '.', '_' and '-'");
            return null;
        }

        return id;
    }

    public string? Language(string field, string? value, string fallback)
    {
        var language = Text(field, value, 16, required: false)?.ToLowerInvariant();
        if (value is not null && language is null && !string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        language ??= fallback;
        if (!languages.Contains(language, StringComparer.Ordinal))
        {
            Add(field, $"unsupported language; supported: {string.Join(", ", languages)}");
            return null;
        }

        return language;
    }

    public string? TimeZone(string field, string? value, string fallback)
    {
        var text = Text(field, value, 64, required: false);
        if (value is not null && text is null && !string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Zones.TryGetValue(text ?? fallback, out var zone))
        {
            return zone;
        }

        Add(field, "is not a known IANA time zone (e.g. Europe/Oslo, America/Chicago)");
        return null;
    }

    public LocalDate? Date(string field, string? value)
    {
        var text = Text(field, value, 64, required: true);
        if (text is null)
        {
            return null;
        }

        if (!IsoDate.TryParse(text, out var date))
        {
            Add(field, IsoDate.Reason);
            return null;
        }

        return date;
    }
}
