using System.Globalization;
using System.Text;
using Retention.Core.Analytics;
using static Retention.Dashboard.Html;

namespace Retention.Dashboard;

/// <summary>A survival chart (curve and band per group), the log-rank result and the table behind the chart.</summary>
internal static class SurvivalSection
{
    private const int MaxStepRows = 40;

    public static void Write(StringBuilder html, string id, string title, IReadOnlyList<GroupSurvival> groups, LogRankSummary? logRank, int threshold)
    {
        var shown = groups.Where(g => !g.Suppressed && g.People.Value > 0).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<h3 id=\"{E(id)}-h\">{E(title)}</h3>");
        if (shown.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>No group here is large enough to show (each needs at least {E(Int(threshold))} newcomers).</p>");
        }
        else
        {
            var description = string.Join("; ", shown.Select(g =>
                $"{g.Label}: {Int((int)g.People.Value!)} newcomers, " + string.Join(", ", g.Retention.Select(r =>
                    $"{r.Months} months {(r.Estimate is { } e ? Percent(e) : r.Suppressed ? "suppressed" : "not reached")}"))));
            html.Append("<figure>")
                .Append(SvgFigure.Accessible(SurvivalChart.Svg(shown), id + "-chart", $"Kaplan–Meier retention curve: {title}", description, SurvivalChart.Width, SurvivalChart.Height))
                .Append(CultureInfo.InvariantCulture, $"<figcaption>Share still employed by days since the start date, with the 95% confidence band. The curve stops where fewer than {E(Int(threshold))} remain under follow-up. The table below holds the same figures.</figcaption></figure>");
        }

        if (logRank is not null)
        {
            var names = string.Join(", ", logRank.GroupKeys.Select(k => groups.First(g => g.Key == k).Label));
            html.Append(CultureInfo.InvariantCulture, $"<p>Log-rank test across {E(names)}: χ² = {E(Number(logRank.ChiSquare, "0.00"))} on {E(Int(logRank.DegreesOfFreedom))} degree(s) of freedom, {E(PValue(logRank.PValue))}. ")
                .Append("A small p-value says the groups' retention differs by more than chance would explain; it does not show what caused the difference.</p>");
        }

        Table(html, id, title, groups, threshold);
        Steps(html, id, shown);
    }

    private static void Table(StringBuilder html, string id, string title, IReadOnlyList<GroupSurvival> groups, int threshold)
    {
        TableRegion(html, id).Append(CultureInfo.InvariantCulture, $"{E(title)}: retention at 6, 12 and 24 months (95% CI, number at risk)</caption>")
            .Append("<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Newcomers</th><th scope=\"col\">Departures</th>");
        foreach (var (months, _) in Checkpoints)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{months} months</th>");
        }

        html.Append("<th scope=\"col\">Median tenure (days)</th></tr></thead><tbody>");
        foreach (var g in groups)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(g.Label)}</th><td class=\"num\">{Count(g.People, threshold)}</td><td class=\"num\">{Count(g.Departures, threshold)}</td>");
            foreach (var r in g.Retention)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Estimate(r, threshold)}</td>");
            }

            var median = g.MedianTenureDays.Suppressed ? Suppressed(threshold)
                : g.MedianTenureDays.Value is { } m ? E(Int((int)m)) : "<span class=\"muted\">not reached</span>";
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{median}</td></tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static void Steps(StringBuilder html, string id, IReadOnlyList<GroupSurvival> shown)
    {
        if (shown.All(g => g.Curve.Count == 0))
        {
            return;
        }

        html.Append("<details><summary>The curve's steps (day, estimate, 95% CI, at risk)</summary>");
        foreach (var g in shown.Where(g => g.Curve.Count > 0))
        {
            var every = Math.Max(1, (int)Math.Ceiling(g.Curve.Count / (double)MaxStepRows));
            var rows = g.Curve.Where((_, i) => i % every == 0 || i == g.Curve.Count - 1).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"table-wrap\" role=\"region\" aria-label=\"{E(g.Label)} curve steps\" tabindex=\"0\"><table><caption>{E(g.Label)}{(every > 1 ? $" (one step in {every} of {Int(g.Curve.Count)})" : "")}</caption>")
                .Append("<thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Still employed</th><th scope=\"col\">95% CI</th><th scope=\"col\">At risk</th></tr></thead><tbody>");
            foreach (var p in rows)
            {
                var ci = p.Lower is { } lo && p.Upper is { } hi ? $"{Percent(lo)}–{Percent(hi)}" : "—";
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"num\">{E(Int(p.Days))}</td><td class=\"num\">{E(Percent(p.Survival))}</td><td class=\"num\">{E(ci)}</td><td class=\"num\">{E(Int(p.AtRisk))}</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        html.Append("</details>");
    }
}
