using Retention.Core.Analytics;
using ScottPlot;

namespace Retention.Dashboard;

/// <summary>Engagement charts: ildsjel action rate per nudge kind (bars) and check-in averages by month (lines).</summary>
internal static class EngagementChart
{
    public const int Width = 720;
    public const int Height = 360;

    /// <summary>Horizontal bars, one per nudge kind whose rate may be shown (suppressed kinds are left out, and say so in the table).</summary>
    public static string ActionRates(IReadOnlyList<KindActionRate> rates)
    {
        using var plot = ChartPalette.NewPlot();
        var shown = rates.Where(r => r.Rate.Value is not null).ToList();
        var bars = shown.Select((r, i) => new Bar
        {
            Position = shown.Count - i,
            Value = r.Rate.Value!.Value * 100,
            FillColor = ChartPalette.At(0),
            LineColor = ChartPalette.At(0),
        }).ToList();
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            shown.Select((_, i) => (double)(shown.Count - i)).ToArray(),
            shown.Select(r => r.Kind).ToArray());
        plot.Axes.SetLimits(0, 100, 0.4, shown.Count + 0.6);
        plot.XLabel("Nudges acted on by the ildsjel (%)");
        return plot.GetSvgXml(Width, Math.Max(Height / 2, 60 + (36 * shown.Count)));
    }

    /// <summary>Average belonging and intent to stay (1..5) by month since arrival; months that must stay hidden are gaps.</summary>
    public static string CheckIns(IReadOnlyList<CheckInMonth> months)
    {
        using var plot = ChartPalette.NewPlot();
        AddSeries(plot, months, m => m.Belonging, "Belonging", 0);
        AddSeries(plot, months, m => m.IntentToStay, "Intent to stay", 1);
        var last = months.Count == 0 ? 12 : Math.Max(12, months[^1].MonthSinceArrival);
        plot.Axes.SetLimits(0, last, 1, 5);
        plot.XLabel("Months since arrival");
        plot.YLabel("Average answer (1–5)");
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetSvgXml(Width, Height);
    }

    private static void AddSeries(Plot plot, IReadOnlyList<CheckInMonth> months, Func<CheckInMonth, Figure> pick, string label, int colour)
    {
        var points = months.Where(m => pick(m).Value is not null).ToList();
        var line = plot.Add.Scatter(points.Select(m => (double)m.MonthSinceArrival).ToArray(), points.Select(m => pick(m).Value!.Value).ToArray());
        line.Color = ChartPalette.At(colour);
        line.LineWidth = 2;
        line.MarkerSize = 7;
        line.LegendText = label;
    }
}
