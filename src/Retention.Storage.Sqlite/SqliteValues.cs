using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Retention.Storage.Sqlite;

/// <summary>How model values become column values: instants as unix ticks, dates as ISO text, versions as integers.</summary>
internal static class SqliteValues
{
    public static long Ticks(Instant instant) => instant.ToUnixTimeTicks();

    public static long? Ticks(Instant? instant) => instant?.ToUnixTimeTicks();

    public static Instant Instant(long ticks) => NodaTime.Instant.FromUnixTimeTicks(ticks);

    public static Instant? Instant(long? ticks) => ticks is { } value ? NodaTime.Instant.FromUnixTimeTicks(value) : null;

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Parses an ISO date; the plain <c>yyyy-MM-dd</c> shape directly, as the dashboard reads a million of them.</summary>
    public static LocalDate Date(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month) && year >= 1)
        {
            return new LocalDate(year, month, day);
        }

        return LocalDatePattern.Iso.Parse(text).GetValueOrThrow();
    }

    public static string Version(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The stored integer a model version stands for, or null when it cannot match any row.</summary>
    public static long? ParseVersion(string version) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(text, ignoreCase: false);
}
