using System.Globalization;
using System.Text;
using Retention.Core.Analytics;
using static Retention.Dashboard.Html;

namespace Retention.Dashboard;

/// <summary>The cohort table as an HTML heat map: the colour repeats the number, it never replaces it.</summary>
internal static class CohortSection
{
    public static void Write(StringBuilder html, CohortTable table, int threshold)
    {
        html.Append("<p>Each row is the newcomers who arrived in one quarter; each column the share still employed that many months after their start date. ")
            .Append("A cell is filled only once every newcomer in the row has been employed that long, so a young cohort never looks better or worse than it is. ")
            .Append("Colour runs from red (low) to green (high).</p>");
        if (table.Rows.Count == 0)
        {
            html.Append("<p>No newcomer has started yet.</p>");
            return;
        }

        TableRegion(html, "cohort", "heat").Append("Retention by arrival quarter and months since start</caption><thead><tr><th scope=\"col\">Arrival quarter</th><th scope=\"col\">Newcomers</th>");
        foreach (var m in table.Months)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{m} months</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(row.Quarter)}</th><td class=\"num\">{Count(row.People, threshold)}</td>");
            foreach (var cell in row.Cells)
            {
                if (cell.Retention.Suppressed)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td>{Suppressed(threshold)}</td>");
                }
                else if (!cell.Complete || cell.Retention.Value is null)
                {
                    html.Append("<td><span class=\"muted\">not yet</span></td>");
                }
                else
                {
                    var v = cell.Retention.Value.Value;
                    html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" style=\"background:{Colour(v)}\">{E(Percent(v))}</td>");
                }
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
    }

    /// <summary>Light tints only (lightness 86%), so the dark text keeps well above 4.5:1 contrast.</summary>
    private static string Colour(double share)
    {
        var hue = Math.Clamp(share, 0, 1) * 120;
        return string.Create(CultureInfo.InvariantCulture, $"hsl({hue:0},70%,86%)");
    }
}
