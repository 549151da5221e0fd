using System.Globalization;
using NodaTime;

namespace Retention.Core.Content;

/// <summary>Dates and times in the recipient's language, from the names in <see cref="LanguageStrings"/> (no ICU culture data needed).</summary>
internal sealed class DateText(LanguageStrings strings)
{
    public string Date(LocalDate date) => strings.DateFormat
        .Replace("{weekday}", strings.Weekdays[(int)date.DayOfWeek - 1], StringComparison.Ordinal)
        .Replace("{day}", date.Day.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{month}", strings.Months[date.Month - 1], StringComparison.Ordinal);

    public static string Time(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Saturday 6 March, 11:00–14:00", "Saturday 6 March", or "Saturday 6 March – Sunday 7 March".</summary>
    public string Span(LocalEvent item, DateTimeZone zone)
    {
        var start = item.Start.InZone(zone).LocalDateTime;
        var end = item.End.InZone(zone).LocalDateTime;
        if (item.AllDay)
        {
            var last = end.Date.PlusDays(-1);
            return last <= start.Date ? Date(start.Date) : $"{Date(start.Date)} – {Date(last)}";
        }

        return start.Date == end.Date
            ? $"{Date(start.Date)}, {Time(start.TimeOfDay)}–{Time(end.TimeOfDay)}"
            : $"{Date(start.Date)} {Time(start.TimeOfDay)} – {Date(end.Date)} {Time(end.TimeOfDay)}";
    }

    /// <summary>"hiking", "hiking and choir", "hiking, choir and football".</summary>
    public string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} {strings.And} {items[^1]}",
    };
}
