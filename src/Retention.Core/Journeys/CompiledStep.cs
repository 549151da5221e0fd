using System.Globalization;
using Retention.Core.Calendar;

namespace Retention.Core.Journeys;

/// <summary>A milestone prepared for fast planning: months expanded, reasons and moment index precomputed.</summary>
internal sealed class CompiledStep
{
    public CompiledStep(Milestone milestone, int order, IReadOnlyList<int> checkInMonths)
    {
        Milestone = milestone;
        Order = order;
        var months = milestone.AtCheckInMonths ? checkInMonths : milestone.AtMonths;
        Months = months is null ? [] : [.. months];
        MonthReasons = [.. Months.Select(m => string.Create(CultureInfo.InvariantCulture, $"{milestone.Reason}-{m}"))];
        MomentIndex = milestone.Moment is null ? -1 : IndexOf(milestone.Moment);
    }

    private const int FirstCachedYear = 2000;

    // Racing threads may both fill a slot; they write equal strings.
    private readonly string?[] _yearReasons = new string?[300];

    public Milestone Milestone { get; }

    /// <summary>Position in the definition: the tie-break between milestones on the same day.</summary>
    public int Order { get; }

    public int[] Months { get; }

    public string[] MonthReasons { get; }

    /// <summary>Index into <see cref="NorwegianCalendar.SeasonalMoments"/>, which lists the kinds in a fixed order.</summary>
    public int MomentIndex { get; }

    /// <summary><c>{reason}-{year}</c> for calendar milestones, cached for this century and the next two.</summary>
    public string ReasonForYear(int year)
    {
        var index = year - FirstCachedYear;
        if ((uint)index >= (uint)_yearReasons.Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Milestone.Reason}-{year}");
        }

        return _yearReasons[index] ??= string.Create(CultureInfo.InvariantCulture, $"{Milestone.Reason}-{year}");
    }

    private static int IndexOf(string moment)
    {
        var moments = NorwegianCalendar.SeasonalMoments(2000);
        for (var i = 0; i < moments.Count; i++)
        {
            if (string.Equals(moments[i].Kind, moment, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new JourneyDefinitionException($"unknown seasonal moment \"{moment}\"");
    }
}
