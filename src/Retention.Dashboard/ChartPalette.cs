namespace Retention.Dashboard;

/// <summary>Series colours with at least 4.5:1 contrast against white, so lines and legend keys stay readable.</summary>
internal static class ChartPalette
{
    private static readonly string[] Hex = ["#1b5e9e", "#b3261e", "#2e6b30", "#6a1b9a", "#8a4b00", "#37474f", "#00695c", "#ad1457"];

    public static string HexAt(int index) => Hex[index % Hex.Length];

    public static ScottPlot.Color At(int index) => ScottPlot.Color.FromHex(HexAt(index));

    /// <summary>A plot in the page's sans-serif face (ScottPlot would otherwise pick whatever serif font it finds first).</summary>
    public static ScottPlot.Plot NewPlot()
    {
        var plot = new ScottPlot.Plot();
        plot.Font.Set(ChartFont);
        return plot;
    }

    public const string ChartFont = "DejaVu Sans";
}
