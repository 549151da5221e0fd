namespace Retention.Core.Analytics;

/// <summary>A Kaplan–Meier curve: one step per day with departures, plus the number at risk on every observed day.</summary>
public sealed class SurvivalCurve
{
    private readonly (int Days, int AtRisk)[] _atRiskByDay;

    internal SurvivalCurve(int people, int events, IReadOnlyList<SurvivalPoint> steps, (int Days, int AtRisk)[] atRiskByDay)
    {
        People = people;
        Events = events;
        Steps = steps;
        _atRiskByDay = atRiskByDay;
    }

    public int People { get; }
    public int Events { get; }

    /// <summary>The steps, one per day on which someone left, earliest first.</summary>
    public IReadOnlyList<SurvivalPoint> Steps { get; }

    /// <summary>Longest follow-up observed (days); -1 for an empty curve.</summary>
    public int MaxFollowUp => _atRiskByDay.Length == 0 ? -1 : _atRiskByDay[^1].Days;

    /// <summary>How many were still followed at the start of <paramref name="days"/> (follow-up ≥ days).</summary>
    public int AtRiskAt(int days)
    {
        var i = LowerBound(days);
        return i < _atRiskByDay.Length ? _atRiskByDay[i].AtRisk : 0;
    }

    /// <summary>
    /// The estimate at <paramref name="days"/> (the last step on or before it), with the number at risk that day.
    /// Null when the curve does not reach that far (nobody followed so long and the curve has not dropped to 0).
    /// </summary>
    public SurvivalPoint? At(int days)
    {
        var step = LastStepOnOrBefore(days);
        var atRisk = AtRiskAt(days);
        if (atRisk == 0 && step is not { Survival: 0 })
        {
            return null;
        }

        return step is null
            ? new SurvivalPoint { Days = days, AtRisk = atRisk, Events = 0, Censored = 0, Survival = 1, GreenwoodSum = 0 }
            : step with { Days = days, AtRisk = atRisk, Events = 0, Censored = 0 };
    }

    /// <summary>Median tenure: the first day on which the estimate is at or below one half; null if not reached.</summary>
    public int? MedianDays => Steps.FirstOrDefault(s => s.Survival <= 0.5)?.Days;

    private SurvivalPoint? LastStepOnOrBefore(int days)
    {
        SurvivalPoint? found = null;
        int lo = 0, hi = Steps.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (Steps[mid].Days <= days)
            {
                found = Steps[mid];
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private int LowerBound(int days)
    {
        int lo = 0, hi = _atRiskByDay.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_atRiskByDay[mid].Days < days)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
