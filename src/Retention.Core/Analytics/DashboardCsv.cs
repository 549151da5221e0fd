using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Retention.Core.Analytics;

/// <summary>
/// The per-newcomer rows behind the dashboard (<c>dashboard.csv</c>), RFC 4180 (CRLF, quoted where needed).
/// Pseudonymous by design: enrolment id only, no names, e-mail addresses, external ids or free text, and no
/// individual check-in answers (only how many; the at-risk reasons are the ones the page lists anyway). A
/// municipality with fewer newcomers than the threshold in the export is written as <see cref="OtherMunicipality"/>.
/// Text cells that a spreadsheet would run as a formula are prefixed with an apostrophe (OWASP CSV injection).
/// </summary>
public static class DashboardCsv
{
    public const string OtherMunicipality = "(other)";

    public static IReadOnlyList<string> Columns { get; } =
    [
        "enrollmentId", "municipality", "arrivalQuarter", "arrivalDate", "startDate", "status", "departureDate",
        "departureReason", "cancellationDate", "followUpDays", "departed", "welcomeLunch", "daysToWelcomeLunch",
        "ildsjelNudgesSent", "ildsjelNudgesActed", "ildsjelIgnoredStreak", "checkInNudgesSent", "checkInNudgesAnswered",
        "checkIns", "atRiskReasons", "failedNudges",
    ];

    public static string Write(IEnumerable<RetentionRecord> records, DashboardQuery query)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(records, query, writer);
        return writer.ToString();
    }

    public static void Write(IEnumerable<RetentionRecord> records, DashboardQuery query, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(writer);
        var rows = records.Where(r => query.From is not { } from || r.StartDate >= from).OrderBy(r => r.StartDate).ThenBy(r => r.EnrollmentId, StringComparer.Ordinal).ToList();
        var municipalitySizes = rows.GroupBy(r => r.Municipality, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        WriteLine(writer, Columns);
        foreach (var r in rows)
        {
            var observation = r.ObservationAt(query.To);
            var departed = r.DepartureDate is { } d && d <= query.To;
            var cancelled = r.CancellationDate is { } c && c <= query.To;
            WriteLine(writer,
            [
                Text(r.EnrollmentId),
                Text(municipalitySizes[r.Municipality] < query.Threshold ? OtherMunicipality : r.Municipality),
                ArrivalQuarter.Of(r.ArrivalDate),
                Date(r.ArrivalDate),
                Date(r.StartDate),
                Kebab(r.Status),
                departed ? Date(r.DepartureDate) : "",
                departed && r.DepartureReason is { } reason ? Kebab(reason) : "",
                cancelled ? Date(r.CancellationDate) : "",
                Number(observation?.Days),
                observation is null ? "" : observation.Value.Left ? "true" : "false",
                Kebab(r.WelcomeLunch),
                Number(r.WelcomeLunchActedOn <= query.To ? r.DaysToWelcomeLunch : null),
                Number(r.IldsjelNudges.Sum(t => t.Sent)),
                Number(r.IldsjelNudges.Sum(t => t.Acted)),
                Number(r.IldsjelIgnoredStreak),
                Number(r.CheckInNudgesSent),
                Number(r.CheckInNudgesAnswered),
                Number(r.CheckIns.Count(a => a.Date <= query.To)),
                departed || cancelled ? "" : string.Join(';', AtRiskRule.Reasons(r, query)),
                Number(r.FailedNudges),
            ]);
        }
    }

    /// <summary>Neutralises a leading <c>= + - @</c>, tab or carriage return, which spreadsheets treat as a formula.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    /// <summary>RFC 4180: a field holding a comma, quote, CR or LF is quoted, its quotes doubled.</summary>
    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    private static void WriteLine(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Quote(fields[i]));
        }

        writer.Write("\r\n");
    }

    private static string Date(LocalDate? day) => day is { } d ? LocalDatePattern.Iso.Format(d) : "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => KebabNames<TEnum>.Of[value];

    private static string Kebab(string pascal)
    {
        var text = new StringBuilder();
        foreach (var ch in pascal)
        {
            if (char.IsUpper(ch) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(ch));
        }

        return text.ToString();
    }

    /// <summary>The kebab-case names of an enum, made once per type rather than once per row.</summary>
    private static class KebabNames<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Of = Enum.GetValues<TEnum>().ToDictionary(v => v, v => Kebab(v.ToString()));
    }
}
