using System.Globalization;
using System.Text;
using Retention.Core.Analytics;
using static Retention.Dashboard.Html;

namespace Retention.Dashboard;

/// <summary>
/// The HR dashboard page (<c>GET /dashboard/{employerId}</c>): one self-contained HTML document, server-rendered,
/// no JavaScript, inline CSS, charts as inline SVG (ScottPlot) each with a text alternative and a data table.
/// Everything it shows comes from the <see cref="DashboardReport"/>, whose figures are already suppressed
/// where too few newcomers are behind them; all text is HTML-encoded.
/// </summary>
public static class DashboardPage
{
    public static string Render(DashboardReport report, DashboardPageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new DashboardPageOptions();
        var name = options.EmployerName ?? report.EmployerId;
        var t = report.Threshold;
        var html = new StringBuilder(64 * 1024);
        Document(html, "Retention dashboard – " + name)
            .Append(CultureInfo.InvariantCulture, $"<header><h1>Retention dashboard</h1><p>{E(name)} · newcomers starting {E(Date(report.From))} or later, as of {E(Date(report.To))}</p></header>")
            .Append("<nav aria-label=\"Sections\"><ul><li><a href=\"#summary\">Summary</a></li><li><a href=\"#retention\">Retention</a></li><li><a href=\"#groups\">Groups</a></li><li><a href=\"#cohorts\">Cohorts</a></li><li><a href=\"#engagement\">Engagement</a></li><li><a href=\"#at-risk\">At risk</a></li></ul></nav>")
            .Append("<main id=\"main\">");

        Summary(html, report, options);

        html.Append("<section aria-labelledby=\"retention\"><h2 id=\"retention\">Retention over time</h2>");
        SurvivalSection.Write(html, "overall", "All newcomers", [report.Overall], null, t);
        html.Append("</section>");

        html.Append("<section aria-labelledby=\"groups\"><h2 id=\"groups\">Groups compared</h2>")
            .Append("<p>Only newcomers whose ildsjel received the welcome-lunch nudge are in the first comparison; those for whom it is not yet due are left out.</p>");
        foreach (var comparison in report.Comparisons)
        {
            SurvivalSection.Write(html, "cmp-" + comparison.Key, comparison.Title, comparison.Groups, comparison.LogRank, t);
        }

        html.Append("</section>");

        html.Append("<section aria-labelledby=\"cohorts\"><h2 id=\"cohorts\">Cohorts</h2>");
        CohortSection.Write(html, report.Cohorts, t);
        html.Append("</section><section aria-labelledby=\"engagement\"><h2 id=\"engagement\">Engagement</h2>");
        EngagementSection.Write(html, report.Engagement, t);
        html.Append("</section><section aria-labelledby=\"at-risk\"><h2 id=\"at-risk\">Newcomers who may need a word</h2>");
        var maxRows = Math.Max(0, options.MaxAtRiskRows);
        AtRiskSection.Write(html, report.AtRisk, maxRows);
        html.Append("</section>");
        FailedNudgesSection.Write(html, report.FailedNudges, maxRows);
        html.Append("</main>");

        html.Append(CultureInfo.InvariantCulture, $"<footer><p>Privacy: no group, cell or figure is shown when it would rest on fewer than {E(Int(t))} newcomers (it reads “suppressed”); when one group of a breakdown is hidden, the next smallest is hidden too, so it cannot be worked out from the total. Small municipalities are pooled. Names, e-mail addresses and comments never appear here.</p></footer>")
            .Append("</body></html>");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, DashboardReport report, DashboardPageOptions options)
    {
        var t = report.Threshold;
        var c = report.Counts;
        html.Append("<section aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2>");
        FailedNudgesSection.WriteNotice(html, report.FailedNudges);
        html.Append("<dl class=\"cards\">")
            .Append(CultureInfo.InvariantCulture, $"<div><dt>Enrolled</dt><dd>{Count(c.Enrolled, t)}</dd></div>")
            .Append(CultureInfo.InvariantCulture, $"<div><dt>Still employed</dt><dd>{Count(c.Employed, t)}</dd></div>")
            .Append(CultureInfo.InvariantCulture, $"<div><dt>Left</dt><dd>{Count(c.Left, t)}</dd></div>")
            .Append(CultureInfo.InvariantCulture, $"<div><dt>Not started yet</dt><dd>{Count(c.NotStarted, t)}</dd></div>")
            .Append(CultureInfo.InvariantCulture, $"<div><dt>Enrolment cancelled</dt><dd>{Count(c.Cancelled, t)}</dd></div>");
        foreach (var r in report.Overall.Retention)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div><dt>Retention at {r.Months} months</dt><dd>{Estimate(r, t)}</dd></div>");
        }

        html.Append("</dl>")
            .Append(CultureInfo.InvariantCulture, $"<h3>What “retention” means here</h3><p>{E(report.Definition)}</p>");
        var links = new List<string>();
        if (options.JsonUrl is { } json)
        {
            links.Add($"<a href=\"{E(json)}\">the figures as JSON</a>");
        }

        if (options.CsvUrl is { } csv)
        {
            links.Add($"<a href=\"{E(csv)}\">the per-newcomer rows as CSV</a> (enrolment ids, dates and counts; no names, e-mail addresses or free text)");
        }

        if (links.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Download {string.Join(" or ", links)}.</p>");
        }

        html.Append("</section>");
    }
}
