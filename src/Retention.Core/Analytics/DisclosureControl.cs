namespace Retention.Core.Analytics;

/// <summary>
/// The one place where the small-group rule is applied. Every <see cref="Figure"/>, published curve, retention
/// estimate and group of the report is made here: a figure derived from fewer than <see cref="Threshold"/>
/// newcomers comes out suppressed (no value, no count); a count of zero is shown (it singles nobody out).
/// </summary>
internal sealed class DisclosureControl(int threshold)
{
    public int Threshold { get; } = threshold >= 2 ? threshold : throw new ArgumentOutOfRangeException(nameof(threshold));

    public static Figure Hidden { get; } = new(null, null, suppressed: true);

    public bool IsTooSmall(int people) => people > 0 && people < Threshold;

    /// <summary>A head count.</summary>
    public Figure Count(int people, bool forceSuppress = false) =>
        forceSuppress || IsTooSmall(people) ? Hidden : new Figure(people, people, suppressed: false);

    /// <summary>A rate, mean or median derived from <paramref name="people"/> newcomers; no value when nobody is behind it.</summary>
    public Figure Of(double value, int people, bool forceSuppress = false)
    {
        if (forceSuppress || IsTooSmall(people))
        {
            return Hidden;
        }

        return people == 0 || !double.IsFinite(value) ? new Figure(null, 0, suppressed: false) : new Figure(value, people, suppressed: false);
    }

    /// <summary>
    /// Primary and secondary suppression over a partition whose total is published: cells below the threshold are
    /// hidden, and if exactly one is hidden the smallest other non-empty cell is hidden too, so that the hidden one
    /// cannot be recovered by subtraction from the total.
    /// </summary>
    public bool[] SuppressPartition(IReadOnlyList<int> cells) => SuppressPartition(cells, cells.Select(IsTooSmall).ToArray());

    /// <summary>
    /// Secondary suppression after a primary rule of the caller's (e.g. also too few employers): if exactly one
    /// non-empty cell is hidden, the smallest other non-empty cell is hidden too.
    /// </summary>
    public static bool[] SuppressPartition(IReadOnlyList<int> cells, IReadOnlyList<bool> primary)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(primary);
        var hidden = primary.ToArray();
        if (Enumerable.Range(0, cells.Count).Count(i => hidden[i] && cells[i] > 0) == 1)
        {
            var next = Enumerable.Range(0, cells.Count)
                .Where(i => !hidden[i] && cells[i] > 0)
                .OrderBy(i => cells[i])
                .FirstOrDefault(-1);
            if (next >= 0)
            {
                hidden[next] = true;
            }
        }

        return hidden;
    }

    /// <summary>A group's survival: all of it hidden when the group is too small, the curve cut where fewer than the threshold remain at risk.</summary>
    public GroupSurvival Survival(string key, string label, SurvivalCurve curve, bool forceSuppress = false)
    {
        var suppressed = forceSuppress || IsTooSmall(curve.People);
        var points = suppressed
            ? []
            : curve.Steps.TakeWhile(s => s.AtRisk >= Threshold).Select(s => new CurvePoint(s.Days, s.Survival, s.Lower, s.Upper, s.AtRisk)).ToList();
        var median = curve.MedianDays is { } m && !suppressed && curve.AtRiskAt(m) >= Threshold
            ? Of(m, curve.People)
            : curve.MedianDays is null && !suppressed ? Of(double.NaN, curve.People) : Hidden;
        return new GroupSurvival
        {
            Key = key,
            Label = label,
            Suppressed = suppressed,
            People = Count(curve.People, suppressed),
            Departures = suppressed ? Hidden : Count(curve.Events),
            Curve = points,
            Retention = RetentionAt(curve, suppressed),
            MedianTenureDays = median,
        };
    }

    /// <summary>The retention checkpoints of the dashboard: 6, 12 and 24 months.</summary>
    public static IReadOnlyList<(int Months, int Days)> Checkpoints { get; } = [(6, 182), (12, 365), (24, 730)];

    /// <summary>Retention at each checkpoint; a checkpoint with fewer than the threshold still at risk is suppressed.</summary>
    public IReadOnlyList<RetentionEstimate> RetentionAt(SurvivalCurve curve, bool groupSuppressed) =>
        Checkpoints.Select(c => Estimate(curve, c.Months, c.Days, groupSuppressed)).ToList();

    private RetentionEstimate Estimate(SurvivalCurve curve, int months, int days, bool groupSuppressed)
    {
        var point = curve.At(days);
        var hide = groupSuppressed || (point is not null && point.Survival > 0 && point.AtRisk < Threshold);
        return new RetentionEstimate
        {
            Months = months,
            Days = days,
            Reached = point is not null,
            Suppressed = hide,
            Estimate = hide ? null : point?.Survival,
            Lower = hide ? null : point?.Lower,
            Upper = hide ? null : point?.Upper,
            AtRisk = hide ? null : point?.AtRisk,
        };
    }
}
