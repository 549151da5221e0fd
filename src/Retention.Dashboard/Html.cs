using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using NodaTime;
using NodaTime.Text;
using Retention.Core.Analytics;

namespace Retention.Dashboard;

/// <summary>Encoding and number formatting for the page. Every piece of text goes through <see cref="E"/>.</summary>
internal static class Html
{
    /// <summary>The retention checkpoints of the tables' columns (as the report computes them): 6, 12 and 24 months.</summary>
    public static IReadOnlyList<(int Months, int Days)> Checkpoints { get; } = [(6, 182), (12, 365), (24, 730)];

    public static string E(string text) => HtmlEncoder.Default.Encode(text);

    public static string Date(LocalDate? day) => day is { } d ? LocalDatePattern.Iso.Format(d) : "—";

    public static string Int(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A figure as HTML: the value, "suppressed" (with the rule) or a dash when there is nothing to show.</summary>
    public static string Figure(Figure figure, Func<double, string> format, int threshold) =>
        figure.Suppressed ? Suppressed(threshold)
        : figure.Value is { } v ? E(format(v))
        : "<span class=\"muted\">—</span>";

    /// <summary>A head count, marked with <c>class="count"</c> (tests look for every one of them).</summary>
    public static string Count(Figure figure, int threshold) =>
        figure.Value is { } v && !figure.Suppressed ? $"<span class=\"count\">{E(Int((int)v))}</span>" : Figure(figure, _ => "", threshold);

    public static string Suppressed(int threshold) => Suppressed("fewer than " + Int(threshold));

    /// <summary>"suppressed" with the reason in words (already plain text; it is encoded here).</summary>
    public static string Suppressed(string why) =>
        $"<span class=\"suppressed\">suppressed<span class=\"why\"> ({E(why)})</span></span>";

    public static string Estimate(RetentionEstimate r, int threshold) =>
        r.Suppressed ? Suppressed(threshold)
        : !r.Reached || r.Estimate is null ? "<span class=\"muted\">not reached yet</span>"
        : E(Percent(r.Estimate.Value))
          + (r.Lower is { } lo && r.Upper is { } hi ? $" <span class=\"ci\">({E(Percent(lo))}–{E(Percent(hi))})</span>" : "")
          + $"<br><span class=\"n\">{E(Int(r.AtRisk ?? 0))} at risk</span>";

    /// <summary>Opens a page: doctype, head with the title and the stylesheet, body and the skip link to <c>#main</c>.</summary>
    public static StringBuilder Document(StringBuilder html, string title) =>
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>")
            .Append("<style>").Append(PageStyle.Css).Append("</style></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">Skip to the figures</a>");

    /// <summary>
    /// Opens a table in a scrollable region that keyboard users can focus, labelled by the table's caption
    /// (<c>{id}-caption</c>); the caller writes the caption text, closes the caption and writes the table.
    /// </summary>
    public static StringBuilder TableRegion(StringBuilder html, string id, string? tableClass = null) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"{E(id)}-caption\" tabindex=\"0\"><table{(tableClass is null ? "" : $" class=\"{E(tableClass)}\"")}><caption id=\"{E(id)}-caption\">");

    /// <summary>Under a list of individuals cut at <paramref name="maxRows"/>: how many more there are, and where.</summary>
    public static void RowsCut(StringBuilder html, int total, int maxRows)
    {
        if (total > maxRows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>The first {E(Int(maxRows))} are shown; {E(Int(total - maxRows))} more are in the CSV export and the JSON.</p>");
        }
    }

    public static string PValue(double p) => p < 0.001 ? "p < 0.001" : "p = " + Number(p, "0.000");
}
