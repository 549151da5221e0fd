using System.Globalization;
using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>The arrival cohort of a day: a sortable number for grouping, and the label <c>2027-Q1</c> for showing.</summary>
internal static class ArrivalQuarter
{
    public static int Key(LocalDate day) => (day.Year * 4) + ((day.Month - 1) / 3);

    public static string Label(int key) => string.Create(CultureInfo.InvariantCulture, $"{key / 4:D4}-Q{(key % 4) + 1}");

    public static string Of(LocalDate day) => Label(Key(day));
}
