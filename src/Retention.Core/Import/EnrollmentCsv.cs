using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Retention.Core.Enrollments;

namespace Retention.Core.Import;

/// <summary>
/// Reads enrolments from CSV (RFC 4180, comma separated, header row, UTF-8). Columns are named like the JSON
/// fields, flattened: see <see cref="Columns"/>. Lists (children's ages, interests) are separated by <c>;</c>.
/// </summary>
public static class EnrollmentCsv
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "externalId", "newcomerName", "newcomerEmail", "newcomerLanguage", "newcomerTimeZone",
        "ildsjelName", "ildsjelEmail", "ildsjelLanguage", "hrName", "hrEmail",
        "arrivalDate", "startDate", "municipality", "partner", "childrenAges", "interests", "newcomerNudgesConsent",
    ];

    private static readonly string[] Required = ["externalId", "newcomerName", "newcomerEmail", "ildsjelName", "ildsjelEmail", "arrivalDate", "startDate", "municipality", "newcomerNudgesConsent"];

    /// <summary>Parses the rows, or returns header problems (field <c>header</c>) and no rows.</summary>
    public static (IReadOnlyList<CsvEnrollmentRow> Rows, IReadOnlyList<FieldError> HeaderErrors) Read(TextReader text)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        using var csv = new CsvReader(text, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            return ([], [new FieldError("header", "the file is empty; the first line must name the columns")]);
        }

        var header = csv.HeaderRecord;
        var known = new HashSet<string>(Columns, StringComparer.OrdinalIgnoreCase);
        var headerErrors = header.Where(h => !known.Contains(h)).Select(h => new FieldError("header", $"unknown column \"{h}\"")).ToList();
        headerErrors.AddRange(Required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).Select(r => new FieldError("header", $"missing column \"{r}\"")));
        if (headerErrors.Count > 0)
        {
            return ([], headerErrors);
        }

        var index = Columns.ToDictionary(c => c, c => Array.FindIndex(header, h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)), StringComparer.Ordinal);
        var rows = new List<CsvEnrollmentRow>();
        var number = 0;
        while (csv.Read())
        {
            number++;
            string? Get(string column) => index[column] is var i and >= 0 && csv.TryGetField<string>(i, out var value) && !string.IsNullOrEmpty(value) ? value : null;
            rows.Add(ToRow(number, Get));
        }

        return (rows, []);
    }

    private static CsvEnrollmentRow ToRow(int number, Func<string, string?> get)
    {
        var errors = new List<FieldError>();
        var draft = new EnrollmentDraft
        {
            ExternalId = get("externalId"),
            Newcomer = new PersonDraft { Name = get("newcomerName"), Email = get("newcomerEmail"), Language = get("newcomerLanguage") ?? "en", TimeZone = get("newcomerTimeZone") },
            Ildsjel = new PersonDraft { Name = get("ildsjelName"), Email = get("ildsjelEmail"), Language = get("ildsjelLanguage") ?? "nb" },
            HrContact = get("hrEmail") is null && get("hrName") is null ? null : new PersonDraft { Name = get("hrName"), Email = get("hrEmail") },
            ArrivalDate = get("arrivalDate"),
            StartDate = get("startDate"),
            Municipality = get("municipality"),
            Family = new FamilyDraft { Partner = Bool(get("partner"), "family.partner", errors) ?? false, ChildrenAges = Ages(get("childrenAges"), errors) },
            Interests = List(get("interests")),
            // No consent unless given, as in the JSON API: an empty cell is left empty and the validator refuses it.
            Consent = new ConsentDraft { NewcomerNudges = Bool(get("newcomerNudgesConsent"), "consent.newcomerNudges", errors) },
        };
        if (draft.ExternalId is null)
        {
            // Without it a re-import would enrol the same person twice.
            errors.Add(new FieldError("externalId", "is required in a CSV import"));
        }

        return new CsvEnrollmentRow(number, draft, errors);
    }

    private static bool? Bool(string? value, string field, List<FieldError> errors)
    {
        switch (value?.ToLowerInvariant())
        {
            case null: return null;
            case "true" or "yes" or "1" or "ja": return true;
            case "false" or "no" or "0" or "nei": return false;
            default:
                errors.Add(new FieldError(field, "must be true or false"));
                return null;
        }
    }

    private static List<int> Ages(string? value, List<FieldError> errors)
    {
        var ages = new List<int>();
        foreach (var (part, i) in List(value).Select((p, i) => (p, i)))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var age))
            {
                ages.Add(age);
            }
            else
            {
                errors.Add(new FieldError($"family.childrenAges[{i}]", "must be a whole number (ages separated by ;)"));
            }
        }

        return ages;
    }

    private static List<string> List(string? value) =>
        value is null ? [] : value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
