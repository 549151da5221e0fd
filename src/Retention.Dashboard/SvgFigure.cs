using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Encodings.Web;

namespace Retention.Dashboard;

/// <summary>
/// Makes a ScottPlot SVG fit for the page: no XML prolog, a viewBox so it scales on a phone, <c>role="img"</c>
/// and a <c>&lt;title&gt;</c>/<c>&lt;desc&gt;</c> text alternative referenced by <c>aria-labelledby</c>.
/// </summary>
internal static partial class SvgFigure
{
    public static string Accessible(string svg, string id, string title, string description, int width, int height)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var body = start >= 0 ? svg[start..] : svg;
        var openEnd = body.IndexOf('>', StringComparison.Ordinal);
        var open = body[..openEnd];
        open = SizeAttribute().Replace(open, "");
        if (!open.Contains("viewBox", StringComparison.Ordinal))
        {
            open += string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {width} {height}\"");
        }

        var enc = HtmlEncoder.Default;
        var titleId = id + "-title";
        var descId = id + "-desc";
        return open
            + $" id=\"{enc.Encode(id)}\" role=\"img\" aria-labelledby=\"{enc.Encode(titleId)} {enc.Encode(descId)}\" preserveAspectRatio=\"xMidYMid meet\">"
            + $"<title id=\"{enc.Encode(titleId)}\">{enc.Encode(title)}</title><desc id=\"{enc.Encode(descId)}\">{enc.Encode(description)}</desc>"
            + body[(openEnd + 1)..].Replace("font-family=\"" + ChartPalette.ChartFont + "\"", "font-family=\"" + ChartPalette.ChartFont + ", Arial, sans-serif\"", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s(width|height|role|aria-[a-z]+)=""[^""]*""", RegexOptions.CultureInvariant)]
    private static partial Regex SizeAttribute();
}
