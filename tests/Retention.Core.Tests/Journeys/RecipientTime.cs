using NodaTime;
using Retention.Core.Calendar;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Journeys;

/// <summary>
/// The test's own statement of the rule: ildsjel and HR live in Oslo; the newcomer lives in their own zone before
/// the arrival date and in Oslo from the arrival date on.
/// </summary>
internal static class RecipientTime
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
    private static readonly LocalTime WindowStart = new(9, 0);
    private static readonly LocalTime WindowEnd = new(15, 0);

    /// <summary>
    /// The recipient's local time of the nudge, if it is a working day inside the 09:00–15:00 window there; null
    /// otherwise. For the newcomer both readings are tried (abroad before arrival, Oslo from arrival on).
    /// </summary>
    public static LocalDateTime? ProperLocal(Enrollment enrollment, Nudge nudge)
    {
        var oslo = nudge.DueAt.InZone(Oslo).LocalDateTime;
        if (nudge.Audience != Audience.Newcomer)
        {
            return Proper(oslo) ? oslo : null;
        }

        var abroad = nudge.DueAt.InZone(DateTimeZoneProviders.Tzdb[enrollment.Newcomer.TimeZone]).LocalDateTime;
        if (abroad.Date < enrollment.ArrivalDate && Proper(abroad))
        {
            return abroad;
        }

        return oslo.Date >= enrollment.ArrivalDate && Proper(oslo) ? oslo : null;
    }

    private static bool Proper(LocalDateTime local) =>
        local.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        && !NorwegianCalendar.IsHoliday(local.Date)
        && local.TimeOfDay >= WindowStart
        && local.TimeOfDay < WindowEnd;
}
