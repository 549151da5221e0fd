using Retention.Core.Analytics;
using ScottPlot;

namespace Retention.Dashboard;

/// <summary>Kaplan–Meier step curves with their 95% confidence band, one series per shown group.</summary>
internal static class SurvivalChart
{
    public const int Width = 720;
    public const int Height = 400;
    private const int MaxSteps = 360;

    public static string Svg(IReadOnlyList<GroupSurvival> groups)
    {
        using var plot = ChartPalette.NewPlot();
        var shown = groups.Where(g => !g.Suppressed && g.People.Value > 0).ToList();
        var maxDays = Math.Max(365, shown.SelectMany(g => g.Curve).Select(p => p.Days).DefaultIfEmpty(0).Max());
        for (var i = 0; i < shown.Count; i++)
        {
            var (xs, ys, lower, upper) = Steps(shown[i].Curve, maxDays);
            var color = ChartPalette.At(i);
            var band = plot.Add.FillY(xs, lower, upper);
            band.FillColor = color.WithAlpha(0.18);
            band.LineColor = Colors.Transparent;
            var line = plot.Add.ScatterLine(xs, ys);
            line.Color = color;
            line.LineWidth = 2;
            line.LegendText = shown[i].Label;
        }

        plot.Axes.SetLimits(0, maxDays, 0, 1.02);
        plot.XLabel("Days since start date");
        plot.YLabel("Share still employed");
        if (shown.Count > 1)
        {
            plot.ShowLegend(Alignment.LowerLeft);
        }

        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>The step function as a polyline: flat until each departure day, then down.</summary>
    private static (double[] Xs, double[] Ys, double[] Lower, double[] Upper) Steps(IReadOnlyList<CurvePoint> curve, int maxDays)
    {
        // More steps than pixels only makes the SVG heavy: keep the last step of each few-day bucket.
        var bucket = Math.Max(1, (int)Math.Ceiling(maxDays / (double)MaxSteps));
        if (curve.Count > MaxSteps)
        {
            curve = curve.Where((p, i) => i == curve.Count - 1 || curve[i + 1].Days / bucket != p.Days / bucket).ToList();
        }

        var xs = new List<double> { 0 };
        var ys = new List<double> { 1 };
        var lo = new List<double> { 1 };
        var hi = new List<double> { 1 };
        foreach (var p in curve)
        {
            xs.Add(p.Days);
            ys.Add(ys[^1]);
            lo.Add(lo[^1]);
            hi.Add(hi[^1]);
            xs.Add(p.Days);
            ys.Add(p.Survival);
            lo.Add(p.Lower ?? p.Survival);
            hi.Add(p.Upper ?? p.Survival);
        }

        var end = curve.Count == 0 ? maxDays : curve[^1].Days;
        xs.Add(end);
        ys.Add(ys[^1]);
        lo.Add(lo[^1]);
        hi.Add(hi[^1]);
        return ([.. xs], [.. ys], [.. lo], [.. hi]);
    }
}
