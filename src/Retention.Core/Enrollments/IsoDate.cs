using NodaTime;
using NodaTime.Text;

namespace Retention.Core.Enrollments;

/// <summary>The one way a calendar date is read from input (body fields, CSV cells, query parameters): exactly <c>yyyy-MM-dd</c>.</summary>
public static class IsoDate
{
    public const string Reason = "must be a date in ISO 8601 form (yyyy-MM-dd)";

    /// <summary>
    /// True for a real day written as <c>yyyy-MM-dd</c>. The length check matters: NodaTime's ISO pattern also takes
    /// one-digit months and days, which the API does not hand out and would not round-trip.
    /// </summary>
    public static bool TryParse(string? text, out LocalDate date)
    {
        date = default;
        if (text is not { Length: 10 })
        {
            return false;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            return false;
        }

        date = parsed.Value;
        return true;
    }

    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
