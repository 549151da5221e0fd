using NodaTime;

namespace Retention.Core.Calendar;

/// <summary>
/// The Norwegian calendar: public holidays of any Gregorian year (fixed and Easter-based), weekends, working
/// days, and the seasonal moments a journey anchors on. Years are computed once and cached.
/// </summary>
public static class NorwegianCalendar
{
    /// <summary>The first year the Gregorian Easter rule applies.</summary>
    public const int MinYear = 1583;

    /// <summary>The last year NodaTime's ISO calendar holds.</summary>
    public const int MaxYear = 9999;

    // Indexed by year - MinYear; a race computes the same year twice at worst, never a wrong one.
    private static readonly CalendarYear?[] Years = new CalendarYear?[MaxYear - MinYear + 1];

    /// <summary>Easter Sunday of <paramref name="year"/> by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static LocalDate EasterSunday(int year)
    {
        CheckYear(year);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    /// <summary>The twelve public holidays of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<PublicHoliday> Holidays(int year) => Year(year).Holidays;

    /// <summary>The seasonal moments of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<SeasonalMoment> SeasonalMoments(int year) => Year(year).Moments;

    /// <summary>The date of one seasonal moment in <paramref name="year"/>; throws for an unknown kind.</summary>
    public static LocalDate SeasonalMomentDate(string kind, int year)
    {
        foreach (var moment in Year(year).Moments)
        {
            if (string.Equals(moment.Kind, kind, StringComparison.Ordinal))
            {
                return moment.Date;
            }
        }

        throw new ArgumentException($"Unknown seasonal moment '{kind}'.", nameof(kind));
    }

    public static bool IsHoliday(LocalDate date) => Year(date.Year).IsHoliday(date);

    public static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    /// <summary>Monday to Friday and not a public holiday.</summary>
    public static bool IsWorkingDay(LocalDate date) => Year(date.Year).IsWorkingDay(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public static LocalDate NextWorkingDay(LocalDate date) => WorkingDayOnOrAfter(date.PlusDays(1));

    /// <summary><paramref name="date"/> itself if it is a working day, otherwise the next one.</summary>
    public static LocalDate WorkingDayOnOrAfter(LocalDate date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    /// <summary>
    /// Counts <paramref name="workingDays"/> working days from <paramref name="date"/> (not counting the date itself);
    /// negative counts go backwards. Zero returns the date unchanged.
    /// </summary>
    public static LocalDate AddWorkingDays(LocalDate date, int workingDays)
    {
        var step = workingDays >= 0 ? 1 : -1;
        var remaining = Math.Abs(workingDays);
        while (remaining > 0)
        {
            date = date.PlusDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    private static CalendarYear Year(int year)
    {
        CheckYear(year);
        var index = year - MinYear;
        return Volatile.Read(ref Years[index]) ?? (Years[index] = new CalendarYear(year));
    }

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The calendar covers {MinYear}–{MaxYear}.");
        }
    }
}
