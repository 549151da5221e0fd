using System.Globalization;
using System.Text;
using Retention.Core.Analytics;
using static Retention.Dashboard.Html;

namespace Retention.Dashboard;

/// <summary>
/// The regional dashboard page (<c>GET /dashboard/regions/{regionId}</c>): self-contained HTML, no JavaScript, the
/// employer page's style. It shows only the report's cells, which carry no employer, person or per-employer
/// figure; a suppressed cell says why instead of a number. All text is HTML-encoded.
/// </summary>
public static class RegionalDashboardPage
{
    public static string Render(RegionalDashboardReport report, RegionalDashboardPageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new RegionalDashboardPageOptions();
        var html = new StringBuilder(16 * 1024);
        Document(html, "Regional retention – " + report.RegionName)
            .Append(CultureInfo.InvariantCulture, $"<header><h1>Regional retention dashboard</h1><p>{E(report.RegionName)} · newcomers of the employers who share with the region, as of {E(Date(report.AsOf))}</p></header>")
            .Append("<main id=\"main\">");

        Summary(html, report, options);
        html.Append("<section aria-labelledby=\"municipalities\"><h2 id=\"municipalities\">By municipality</h2>");
        Table(html, report);
        html.Append("</section></main>")
            .Append(CultureInfo.InvariantCulture, $"<footer><p>Privacy: a figure is shown only when it rests on at least {E(Int(report.MinimumNewcomers))} newcomers from at least {E(Int(report.MinimumEmployers))} different employers; otherwise it reads “suppressed” with the reason. When one municipality is hidden, the next smallest is hidden too, so it cannot be worked out from the region’s total. No employer, no person and no figure of a single employer appears here.</p></footer>")
            .Append("</body></html>");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, RegionalDashboardReport report, RegionalDashboardPageOptions options)
    {
        var overall = report.Overall;
        html.Append("<section aria-labelledby=\"summary\"><h2 id=\"summary\">The region overall</h2><dl class=\"cards\">")
            .Append(CultureInfo.InvariantCulture, $"<div><dt>Newcomers</dt><dd>{Newcomers(overall, report)}</dd></div>");
        foreach (var (months, _) in Checkpoints)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div><dt>Retention at {months} months</dt><dd>{Retention(overall, months, report)}</dd></div>");
        }

        html.Append("</dl>")
            .Append(CultureInfo.InvariantCulture, $"<h3>What “retention” means here</h3><p>{E(report.Definition)}</p>");
        if (options.JsonUrl is { } json)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Download <a href=\"{E(json)}\">the figures as JSON</a>.</p>");
        }

        html.Append("</section>");
    }

    private static void Table(StringBuilder html, RegionalDashboardReport report)
    {
        TableRegion(html, "by-municipality").Append("Retention at 6, 12 and 24 months by municipality (95% CI, number at risk)</caption>")
            .Append("<thead><tr><th scope=\"col\">Municipality</th><th scope=\"col\">Newcomers</th>");
        foreach (var (months, _) in Checkpoints)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{months} months</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var cell in report.Municipalities.Append(report.Overall))
        {
            var name = cell.Municipality ?? "All municipalities";
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(name)}</th><td class=\"num\">{Newcomers(cell, report)}</td>");
            foreach (var (months, _) in Checkpoints)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Retention(cell, months, report)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static string Newcomers(RegionalCell cell, RegionalDashboardReport report) =>
        cell.Newcomers is { } n && !cell.Suppressed ? $"<span class=\"count\">{E(Int(n))}</span>" : Suppressed(Why(cell, report));

    private static string Retention(RegionalCell cell, int months, RegionalDashboardReport report) =>
        cell.Suppressed ? Suppressed(Why(cell, report))
        : cell.Retention.FirstOrDefault(r => r.Months == months) is { } estimate
            ? estimate.Suppressed
                ? Suppressed($"fewer than {Int(report.MinimumNewcomers)} newcomers or {Int(report.MinimumEmployers)} employers followed this long")
                : Estimate(estimate, report.MinimumNewcomers)
        : "<span class=\"muted\">—</span>";

    private static string Why(RegionalCell cell, RegionalDashboardReport report) => cell.SuppressedBecause switch
    {
        RegionalSuppression.TooFewEmployers => $"newcomers from fewer than {Int(report.MinimumEmployers)} employers",
        RegionalSuppression.Complementary => "hidden so that another suppressed municipality cannot be worked out from the total",
        _ => $"fewer than {Int(report.MinimumNewcomers)} newcomers",
    };
}
