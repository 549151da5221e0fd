using System.Globalization;
using System.Text;
using Retention.Core.Analytics;
using static Retention.Dashboard.Html;

namespace Retention.Dashboard;

/// <summary>
/// Undelivered nudges: a notice at the top of the summary and, further down, the enrolments they belong to (ids,
/// never names, as in the at-risk list). Nothing at all when there are none.
/// </summary>
internal static class FailedNudgesSection
{
    public const string Anchor = "undelivered";

    public static void WriteNotice(StringBuilder html, FailedNudgeSummary failed)
    {
        if (failed.Nudges <= 0)
        {
            return;
        }

        // Nudges, not messages: nudges due the same day are merged into one e-mail, so one failed e-mail can count twice.
        var nudges = failed.Nudges == 1 ? "1 nudge" : Int(failed.Nudges) + " nudges";
        var newcomers = failed.Newcomers == 1 ? "1 newcomer" : Int(failed.Newcomers) + " newcomers";
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"failed-nudges\"><strong>{E(nudges)} concerning {E(newcomers)} could not be delivered and will not be retried</strong> — <a href=\"#{Anchor}\">see which enrolments</a>.</p>");
    }

    public static void Write(StringBuilder html, FailedNudgeSummary failed, int maxRows)
    {
        if (failed.Nudges <= 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{Anchor}\"><h2 id=\"{Anchor}\">Nudges that could not be delivered</h2>")
            .Append("<p class=\"note\">The e-mail provider refused these, or kept failing until the dispatcher gave up. Each enrolment’s journey shows which nudges and the provider’s reason; a mistyped address can be corrected on the enrolment for the nudges still to come, and what these nudges said is worth passing on another way. ")
            .Append("Like the at-risk list this is about individuals, for HR at this employer, so the small-group rule does not apply.</p>");
        TableRegion(html, Anchor)
            .Append(CultureInfo.InvariantCulture, $"Enrolments with undelivered nudges ({E(Int(failed.Newcomers))})</caption>")
            .Append("<thead><tr><th scope=\"col\">Enrolment id</th><th scope=\"col\">Undelivered nudges</th></tr></thead><tbody>");
        foreach (var enrollment in failed.Enrollments.Take(maxRows))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><code>{E(enrollment.EnrollmentId)}</code></th><td class=\"num\">{E(Int(enrollment.Nudges))}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        RowsCut(html, failed.Newcomers, maxRows);
        html.Append("</section>");
    }
}
