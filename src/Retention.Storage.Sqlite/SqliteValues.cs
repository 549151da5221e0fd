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

    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    public static string Version(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The stored integer a model version stands for, or null when it cannot match any row.</summary>
    public static long? ParseVersion(string version) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(text, ignoreCase: false);
}
