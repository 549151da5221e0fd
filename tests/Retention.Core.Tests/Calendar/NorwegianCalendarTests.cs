using NodaTime;
using Retention.Core.Calendar;

namespace Retention.Core.Tests.Calendar;

public sealed class NorwegianCalendarTests
{
    public static TheoryData<int, string[]> SpelledOutYears => new()
    {
        // 2008: Ascension fell on 1 May.
        { 2008, ["2008-01-01", "2008-03-20", "2008-03-21", "2008-03-23", "2008-03-24", "2008-05-01", "2008-05-11", "2008-05-12", "2008-05-17", "2008-12-25", "2008-12-26"] },
        { 2025, ["2025-01-01", "2025-04-17", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-01", "2025-05-17", "2025-05-29", "2025-06-08", "2025-06-09", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-17", "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26"] },
        // 2027: Whit Monday is 17 May.
        { 2027, ["2027-01-01", "2027-03-25", "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-16", "2027-05-17", "2027-12-25", "2027-12-26"] },
    };

    [Fact]
    public void Easter_Sunday_matches_the_published_dates_from_2000_to_2100()
    {
        Assert.Equal(101, PublishedEasterDates.All.Count);
        foreach (var published in PublishedEasterDates.All)
        {
            Assert.Equal(published, NorwegianCalendar.EasterSunday(published.Year));
        }
    }

    [Theory]
    [MemberData(nameof(SpelledOutYears))]
    public void Holidays_of_a_year_are_exactly_the_Norwegian_public_holidays(int year, string[] expected)
    {
        var holidays = NorwegianCalendar.Holidays(year).Select(h => h.Date.ToString("yyyy-MM-dd", null)).Distinct().ToArray();

        Assert.Equal(expected, holidays);
        Assert.All(expected, d => Assert.True(NorwegianCalendar.IsHoliday(Parse(d))));
    }

    [Fact]
    public void Every_day_of_a_year_that_is_not_listed_is_not_a_holiday()
    {
        var listed = NorwegianCalendar.Holidays(2026).Select(h => h.Date).ToHashSet();
        for (var d = new LocalDate(2026, 1, 1); d.Year == 2026; d = d.PlusDays(1))
        {
            Assert.Equal(listed.Contains(d), NorwegianCalendar.IsHoliday(d));
        }

        Assert.False(NorwegianCalendar.IsHoliday(new LocalDate(2026, 12, 24)));
        Assert.False(NorwegianCalendar.IsHoliday(new LocalDate(2026, 12, 31)));
    }

    [Theory]
    [InlineData("2026-04-01", true)] // Wednesday before Easter
    [InlineData("2026-04-02", false)] // Maundy Thursday
    [InlineData("2026-04-04", false)] // Saturday
    [InlineData("2026-04-07", true)]
    [InlineData("2026-05-17", false)] // Sunday and Constitution Day
    [InlineData("2026-12-24", true)] // Christmas Eve is a working day
    public void Working_days_are_weekdays_that_are_not_holidays(string date, bool working)
    {
        Assert.Equal(working, NorwegianCalendar.IsWorkingDay(Parse(date)));
    }

    [Theory]
    [InlineData("2026-04-01", "2026-04-07")] // over Easter
    [InlineData("2026-12-24", "2026-12-28")] // over Christmas
    [InlineData("2026-05-13", "2026-05-15")] // over Ascension
    [InlineData("2026-11-20", "2026-11-23")] // over a weekend
    public void Next_working_day_skips_weekends_and_holidays(string date, string next)
    {
        Assert.Equal(Parse(next), NorwegianCalendar.NextWorkingDay(Parse(date)));
        Assert.Equal(Parse(next), NorwegianCalendar.AddWorkingDays(Parse(date), 1));
        Assert.Equal(Parse(date), NorwegianCalendar.AddWorkingDays(Parse(next), -1));
    }

    [Fact]
    public void Adding_working_days_counts_only_working_days()
    {
        // Mon 30 Mar 2026 + 5 working days: Tue, Wed, (Thu, Fri holidays, weekend, Easter Monday), Tue 7, Wed 8, Thu 9.
        Assert.Equal(new LocalDate(2026, 4, 9), NorwegianCalendar.AddWorkingDays(new LocalDate(2026, 3, 30), 5));
        Assert.Equal(new LocalDate(2026, 4, 4), NorwegianCalendar.AddWorkingDays(new LocalDate(2026, 4, 4), 0));
    }

    [Fact]
    public void Working_day_on_or_after_keeps_a_working_day()
    {
        Assert.Equal(new LocalDate(2026, 4, 1), NorwegianCalendar.WorkingDayOnOrAfter(new LocalDate(2026, 4, 1)));
        Assert.Equal(new LocalDate(2026, 4, 7), NorwegianCalendar.WorkingDayOnOrAfter(new LocalDate(2026, 4, 2)));
    }

    [Fact]
    public void Seasonal_moments_of_2024_fall_on_their_dates()
    {
        var moments = NorwegianCalendar.SeasonalMoments(2024).ToDictionary(m => m.Kind, m => m.Date);

        Assert.Equal(new LocalDate(2024, 1, 8), moments[SeasonalMomentKinds.SkiingSeason]); // 7 Jan 2024 was a Sunday
        Assert.Equal(new LocalDate(2024, 3, 24), moments[SeasonalMomentKinds.PalmSunday]);
        Assert.Equal(new LocalDate(2024, 5, 17), moments[SeasonalMomentKinds.SeventeenthMay]);
        Assert.Equal(new LocalDate(2024, 6, 23), moments[SeasonalMomentKinds.Sankthans]);
        Assert.Equal(new LocalDate(2024, 7, 1), moments[SeasonalMomentKinds.Fellesferie]);
        Assert.Equal(new LocalDate(2024, 10, 1), moments[SeasonalMomentKinds.FirstFrost]);
        Assert.Equal(new LocalDate(2024, 12, 1), moments[SeasonalMomentKinds.Julebord]);
        Assert.Equal(SeasonalMomentKinds.All.Order(StringComparer.Ordinal), moments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new LocalDate(2027, 3, 21), NorwegianCalendar.SeasonalMomentDate(SeasonalMomentKinds.PalmSunday, 2027));
    }

    [Fact]
    public void Years_outside_the_Gregorian_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NorwegianCalendar.EasterSunday(1582));
        Assert.Throws<ArgumentException>(() => NorwegianCalendar.SeasonalMomentDate("midwinter", 2026));
    }

    private static LocalDate Parse(string date) => NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;
}
