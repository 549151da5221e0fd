namespace Retention.Core.Analytics;

/// <summary>
/// Departures and censorings counted per day of follow-up: everything Kaplan–Meier and the log-rank test need.
/// Observations can be added and removed one at a time, so an aggregate can be kept up to date incrementally
/// instead of being rebuilt from every record.
/// </summary>
public sealed class SurvivalTally
{
    private readonly Dictionary<int, (int Events, int Censored)> _byDay = [];

    public int Count { get; private set; }

    public int Events { get; private set; }

    /// <summary>Distinct days on which someone left or was censored.</summary>
    public int DistinctDays => _byDay.Count;

    public static SurvivalTally Of(IEnumerable<SurvivalObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var tally = new SurvivalTally();
        foreach (var o in observations)
        {
            tally.Add(o);
        }

        return tally;
    }

    public void Add(SurvivalObservation observation) => Change(observation, +1);

    /// <summary>Adds <paramref name="count"/> identical observations at once.</summary>
    public void Add(SurvivalObservation observation, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > 0)
        {
            Change(observation, count);
        }
    }

    /// <summary>
    /// Adds every observation of <paramref name="other"/>: the tally of two groups pooled, so Kaplan–Meier over the
    /// sum equals Kaplan–Meier over the pooled observations (the counts per day simply add up).
    /// </summary>
    public void Add(SurvivalTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (day, (events, censored)) in other._byDay)
        {
            Add(new SurvivalObservation(day, Left: true), events);
            Add(new SurvivalObservation(day, Left: false), censored);
        }
    }

    /// <summary>A copy that can be changed without touching this one.</summary>
    public SurvivalTally Copy()
    {
        var copy = new SurvivalTally { Count = Count, Events = Events };
        foreach (var (day, counts) in _byDay)
        {
            copy._byDay[day] = counts;
        }

        return copy;
    }

    /// <summary>Takes back an observation added before (e.g. a newcomer whose status changed).</summary>
    public void Remove(SurvivalObservation observation)
    {
        if (!_byDay.TryGetValue(observation.Days, out var day) || (observation.Left ? day.Events : day.Censored) == 0)
        {
            throw new InvalidOperationException("The observation was never added.");
        }

        Change(observation, -1);
    }

    /// <summary>The counts per day, earliest first.</summary>
    public IReadOnlyList<(int Days, int Events, int Censored)> ByDay() =>
        _byDay.Where(kv => kv.Value.Events + kv.Value.Censored > 0)
            .OrderBy(kv => kv.Key)
            .Select(kv => (kv.Key, kv.Value.Events, kv.Value.Censored))
            .ToList();

    private void Change(SurvivalObservation observation, int delta)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observation.Days);
        _byDay.TryGetValue(observation.Days, out var day);
        day = observation.Left ? (day.Events + delta, day.Censored) : (day.Events, day.Censored + delta);
        if (day.Events == 0 && day.Censored == 0)
        {
            _byDay.Remove(observation.Days);
        }
        else
        {
            _byDay[observation.Days] = day;
        }

        Count += delta;
        Events += observation.Left ? delta : 0;
    }
}
