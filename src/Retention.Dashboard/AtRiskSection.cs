using System.Globalization;
using System.Text;
using Retention.Core.Analytics;
using static Retention.Dashboard.Html;

namespace Retention.Dashboard;

/// <summary>The at-risk list: enrolment ids (never names) and plain-language reasons, for HR of this employer.</summary>
internal static class AtRiskSection
{
    private static readonly Dictionary<string, string> Explained = new(StringComparer.Ordinal)
    {
        [AtRiskReasons.LowBelonging] = "Latest belonging answer is low",
        [AtRiskReasons.LowIntentToStay] = "Latest intent-to-stay answer is low",
        [AtRiskReasons.FallingBelonging] = "Belonging dropped since the previous check-in",
        [AtRiskReasons.FallingIntentToStay] = "Intent to stay dropped since the previous check-in",
        [AtRiskReasons.IldsjelSilent] = "The ildsjel has not responded to the latest nudges",
    };

    public static void Write(StringBuilder html, IReadOnlyList<AtRiskNewcomer> atRisk, int maxRows)
    {
        html.Append("<p class=\"note\">This list is for HR at this employer, so that someone can reach out. It shows enrolment ids, not names: look the person up in your HR system. ")
            .Append("Unlike the figures above it is about individuals by design, so the small-group rule does not apply to it.</p>");
        if (atRisk.Count == 0)
        {
            html.Append("<p>Nobody is flagged at the moment.</p>");
            return;
        }

        TableRegion(html, "atrisk")
            .Append(CultureInfo.InvariantCulture, $"Newcomers at risk ({E(Int(atRisk.Count))})</caption>")
            .Append("<thead><tr><th scope=\"col\">Enrolment id</th><th scope=\"col\">Why</th><th scope=\"col\">Latest check-in</th><th scope=\"col\">Ildsjel nudges unanswered in a row</th></tr></thead><tbody>");
        foreach (var a in atRisk.Take(maxRows))
        {
            var reasons = string.Join("<br>", a.Reasons.Select(r => E(Explained.GetValueOrDefault(r, r))));
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><code>{E(a.EnrollmentId)}</code></th><td>{reasons}</td><td>{E(Date(a.LatestCheckInOn))}</td><td class=\"num\">{E(Int(a.IldsjelIgnoredNudges))}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        RowsCut(html, atRisk.Count, maxRows);
    }
}
