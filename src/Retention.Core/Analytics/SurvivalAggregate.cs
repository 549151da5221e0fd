using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>
/// A group's survival kept up to date one newcomer at a time, so the curve need not be rebuilt from every record.
/// Closed follow-ups (departed, cancelled) are stored as fixed observations; open ones only as a count per start
/// date, because their censoring time moves with the as-of day. <see cref="TallyAsOf"/> then costs in the number
/// of distinct days, not of newcomers. It answers for "today": an as-of day before the latest recorded departure
/// or cancellation needs the full computation from records (<see cref="DashboardReport.Compute"/>).
/// </summary>
public sealed class SurvivalAggregate
{
    private readonly SurvivalTally _closed = new();
    private readonly SortedDictionary<LocalDate, int> _openByStart = [];

    public int Count => _closed.Count + _openByStart.Values.Sum();

    /// <summary>The latest departure or cancellation ever added; <see cref="TallyAsOf"/> needs an as-of day on or after it.</summary>
    public LocalDate? LatestClosedOn { get; private set; }

    public void Add(RetentionRecord record) => Change(record, +1);

    /// <summary>Takes back a record added before (call with the old record before adding the changed one).</summary>
    public void Remove(RetentionRecord record) => Change(record, -1);

    /// <summary>The follow-up of every newcomer added, as of <paramref name="asOf"/> (those not started yet are left out).</summary>
    public SurvivalTally TallyAsOf(LocalDate asOf)
    {
        if (LatestClosedOn is { } latest && asOf < latest)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), "The aggregate answers only on or after the latest recorded departure or cancellation.");
        }

        var tally = _closed.Copy();
        foreach (var (start, count) in _openByStart)
        {
            if (start > asOf)
            {
                break;
            }

            tally.Add(new SurvivalObservation(Period.DaysBetween(start, asOf), Left: false), count);
        }

        return tally;
    }

    private void Change(RetentionRecord record, int delta)
    {
        ArgumentNullException.ThrowIfNull(record);
        var end = Earliest(record.DepartureDate, record.CancellationDate);
        if (end is { } recordedOn)
        {
            // Cancelled before the first day: follow-up ends on the start date (as ObservationAt clamps it).
            var closedOn = recordedOn < record.StartDate ? record.StartDate : recordedOn;
            var observation = new SurvivalObservation(
                Math.Max(0, record.DaysSinceStart(closedOn)),
                Left: record.DepartureDate == recordedOn);
            if (delta > 0)
            {
                _closed.Add(observation);
                LatestClosedOn = LatestClosedOn is { } seen && seen > closedOn ? seen : closedOn;
            }
            else
            {
                _closed.Remove(observation);
            }

            return;
        }

        _openByStart.TryGetValue(record.StartDate, out var open);
        if (open + delta < 0)
        {
            throw new InvalidOperationException("The record was never added.");
        }

        if (open + delta == 0)
        {
            _openByStart.Remove(record.StartDate);
        }
        else
        {
            _openByStart[record.StartDate] = open + delta;
        }
    }

    private static LocalDate? Earliest(LocalDate? a, LocalDate? b) =>
        (a, b) switch
        {
            ({ } x, { } y) => x <= y ? x : y,
            ({ } x, null) => x,
            (null, var y) => y,
        };
}
