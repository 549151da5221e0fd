using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Core.Application;

/// <summary>
/// The rule for an outcome's date: a day that has happened (a departure dated ahead would end the journey now for
/// something that has not occurred) and not before the newcomer's start date (survival is counted from that day).
/// </summary>
public static class OutcomeDate
{
    /// <summary>
    /// The date, or null with an error on <c>date</c>. <paramref name="today"/> is <see cref="RetentionClock.Today"/>:
    /// the calendar day in Oslo, as HR writes dates, so just after midnight there the new day is allowed while UTC
    /// still reads the day before.
    /// </summary>
    public static LocalDate? Check(string? text, LocalDate startDate, LocalDate today, ICollection<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var ok = true;
        if (text is null)
        {
            errors.Add(new FieldError("date", "is required"));
            return null;
        }

        if (!IsoDate.TryParse(text, out var date))
        {
            errors.Add(new FieldError("date", IsoDate.Reason));
            return null;
        }

        if (date > today)
        {
            errors.Add(new FieldError("date", $"must not be in the future (today is {IsoDate.Format(today)} in Oslo)"));
            ok = false;
        }

        if (date < startDate)
        {
            errors.Add(new FieldError("date", $"must not be before the start date {IsoDate.Format(startDate)}"));
            ok = false;
        }

        return ok ? date : null;
    }
}
