using System.Globalization;
using System.Text;
using Retention.Core.Analytics;
using static Retention.Dashboard.Html;

namespace Retention.Dashboard;

/// <summary>Ildsjel action rates (bars), the welcome lunch, response rates and check-in averages (lines), each with its table.</summary>
internal static class EngagementSection
{
    public static void Write(StringBuilder html, EngagementSummary engagement, int threshold)
    {
        html.Append("<dl class=\"cards\">")
            .Append(CultureInfo.InvariantCulture, $"<div><dt>Ildsjel nudges acted on</dt><dd>{Figure(engagement.IldsjelActionRate, Percent, threshold)}</dd>{People(engagement.IldsjelActionRate)}</div>")
            .Append(CultureInfo.InvariantCulture, $"<div><dt>Median days from start to the welcome lunch</dt><dd>{Figure(engagement.MedianDaysToWelcomeLunch, v => Number(v, "0.#"), threshold)}</dd>{People(engagement.MedianDaysToWelcomeLunch)}</div>")
            .Append(CultureInfo.InvariantCulture, $"<div><dt>Check-ins answered</dt><dd>{Figure(engagement.CheckInResponseRate, Percent, threshold)}</dd>{People(engagement.CheckInResponseRate)}</div>")
            .Append("</dl>");

        html.Append("<h3 id=\"action-rates-h\">Ildsjel action rate per nudge kind</h3>");
        if (engagement.ActionRates.Any(r => r.Rate.Value is not null))
        {
            var shown = engagement.ActionRates.Where(r => r.Rate.Value is not null).ToList();
            html.Append("<figure>")
                .Append(SvgFigure.Accessible(
                    EngagementChart.ActionRates(engagement.ActionRates),
                    "action-rates-chart",
                    "Bar chart: share of ildsjel nudges acted on, per nudge kind",
                    string.Join("; ", shown.Select(r => $"{r.Kind}: {Percent(r.Rate.Value!.Value)}")),
                    EngagementChart.Width,
                    Math.Max(EngagementChart.Height / 2, 60 + (36 * shown.Count))))
                .Append("<figcaption>Share of the nudges that reached the ildsjel and were marked done (directly or from the reminder).</figcaption></figure>");
        }

        TableRegion(html, "action-rates").Append("Ildsjel nudges sent and acted on, per kind</caption>")
            .Append("<thead><tr><th scope=\"col\">Nudge kind</th><th scope=\"col\">Nudges sent</th><th scope=\"col\">Newcomers</th><th scope=\"col\">Acted on</th></tr></thead><tbody>");
        foreach (var r in engagement.ActionRates)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(r.Kind)}</th><td class=\"num\">{Count(r.Sent, threshold)}</td><td class=\"num\">{(r.Rate.People is { } p ? E(Int(p)) : Suppressed(threshold))}</td><td class=\"num\">{Figure(r.Rate, Percent, threshold)}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        CheckIns(html, engagement.CheckIns, threshold);
    }

    private static void CheckIns(StringBuilder html, IReadOnlyList<CheckInMonth> months, int threshold)
    {
        html.Append("<h3 id=\"checkins-h\">Check-in answers by month since arrival</h3>")
            .Append("<p>Newcomers answer two questions with one click, from 1 (not at all) to 5 (very much): do you feel you belong here, and do you intend to stay?</p>");
        var shown = months.Where(m => m.Belonging.Value is not null).ToList();
        if (shown.Count > 0)
        {
            html.Append("<figure>")
                .Append(SvgFigure.Accessible(
                    EngagementChart.CheckIns(months),
                    "checkins-chart",
                    "Line chart: average belonging and intent to stay by month since arrival",
                    string.Join("; ", shown.Select(m => $"month {m.MonthSinceArrival}: belonging {Number(m.Belonging.Value!.Value, "0.0")}, intent to stay {Number(m.IntentToStay.Value!.Value, "0.0")}")),
                    EngagementChart.Width,
                    EngagementChart.Height))
                .Append("<figcaption>Averages of the answers given in each month since arrival; months with too few answers are left out.</figcaption></figure>");
        }

        TableRegion(html, "checkins").Append("Average check-in answers (1–5) by month since arrival</caption>")
            .Append("<thead><tr><th scope=\"col\">Month since arrival</th><th scope=\"col\">Newcomers answering</th><th scope=\"col\">Belonging</th><th scope=\"col\">Intent to stay</th></tr></thead><tbody>");
        foreach (var m in months)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(Int(m.MonthSinceArrival))}</th><td class=\"num\">{(m.Belonging.People is { } p ? E(Int(p)) : Suppressed(threshold))}</td><td class=\"num\">{Figure(m.Belonging, v => Number(v, "0.0"), threshold)}</td><td class=\"num\">{Figure(m.IntentToStay, v => Number(v, "0.0"), threshold)}</td></tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static string People(Figure figure) =>
        figure.People is { } p and > 0 ? $"<dd class=\"n\">from {E(Int(p))} newcomers</dd>" : "";
}
