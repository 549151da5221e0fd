using System.Globalization;
using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>The arrival cohort label of a day: <c>2027-Q1</c>. Sorts chronologically as a string.</summary>
internal static class ArrivalQuarter
{
    public static string Of(LocalDate day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year:D4}-Q{((day.Month - 1) / 3) + 1}");
}
