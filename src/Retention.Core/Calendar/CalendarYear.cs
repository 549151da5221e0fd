using NodaTime;

namespace Retention.Core.Calendar;

/// <summary>One year of the Norwegian calendar, computed once: holidays as a day-of-year bitmap for fast lookups.</summary>
internal sealed class CalendarYear
{
    private readonly ulong[] _holidayBits = new ulong[6];

    // Weekends and holidays by day of year: the planner asks for working days in tight loops.
    private readonly ulong[] _closedBits = new ulong[6];

    public CalendarYear(int year)
    {
        Year = year;
        var easter = NorwegianCalendar.EasterSunday(year);
        Holidays =
        [
            new(new LocalDate(year, 1, 1), "Første nyttårsdag"),
            new(easter.PlusDays(-3), "Skjærtorsdag"),
            new(easter.PlusDays(-2), "Langfredag"),
            new(easter, "Første påskedag"),
            new(easter.PlusDays(1), "Andre påskedag"),
            new(new LocalDate(year, 5, 1), "Offentlig høytidsdag"),
            new(new LocalDate(year, 5, 17), "Grunnlovsdag"),
            new(easter.PlusDays(39), "Kristi himmelfartsdag"),
            new(easter.PlusDays(49), "Første pinsedag"),
            new(easter.PlusDays(50), "Andre pinsedag"),
            new(new LocalDate(year, 12, 25), "Første juledag"),
            new(new LocalDate(year, 12, 26), "Andre juledag"),
        ];
        // Ascension can fall on 1 or 17 May: sort so the list reads in date order.
        Holidays = [.. Holidays.OrderBy(h => h.Date)];
        foreach (var holiday in Holidays)
        {
            var bit = holiday.Date.DayOfYear;
            _holidayBits[bit >> 6] |= 1UL << (bit & 63);
        }

        for (var day = new LocalDate(year, 1, 1); day.Year == year; day = day.PlusDays(1))
        {
            if (IsHoliday(day) || day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                var bit = day.DayOfYear;
                _closedBits[bit >> 6] |= 1UL << (bit & 63);
            }
        }

        var skiing = new LocalDate(year, 1, 7);
        while (!IsWorkingDay(skiing))
        {
            skiing = skiing.PlusDays(1);
        }

        Moments =
        [
            new(SeasonalMomentKinds.SkiingSeason, skiing),
            new(SeasonalMomentKinds.PalmSunday, easter.PlusDays(-7)),
            new(SeasonalMomentKinds.SeventeenthMay, new LocalDate(year, 5, 17)),
            new(SeasonalMomentKinds.Sankthans, new LocalDate(year, 6, 23)),
            new(SeasonalMomentKinds.Fellesferie, new LocalDate(year, 7, 1)),
            new(SeasonalMomentKinds.FirstFrost, new LocalDate(year, 10, 1)),
            new(SeasonalMomentKinds.Julebord, new LocalDate(year, 12, 1)),
        ];
    }

    public int Year { get; }

    public IReadOnlyList<PublicHoliday> Holidays { get; }

    public IReadOnlyList<SeasonalMoment> Moments { get; }

    public bool IsHoliday(LocalDate date)
    {
        var bit = date.DayOfYear;
        return (_holidayBits[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    public bool IsWorkingDay(LocalDate date)
    {
        var bit = date.DayOfYear;
        return (_closedBits[bit >> 6] & (1UL << (bit & 63))) == 0;
    }
}
