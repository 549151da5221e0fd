using System.Text;
using System.Text.RegularExpressions;

namespace Retention.Core.Content;

/// <summary>
/// The small markup template bodies are written in, turned into both HTML and plain text from the same source:
/// blank lines separate paragraphs, lines starting <c>- </c> are list items, <c>## </c> starts a heading,
/// <c>**bold**</c>, and links come from the <c>link</c> filter. Everything else is text: in HTML it is escaped,
/// so nothing a person typed (a name, an event title) can become markup.
/// </summary>
internal static partial class LightMarkup
{
    public static string ToHtml(string source, IReadOnlyList<TemplateLink> links)
    {
        var html = new StringBuilder();
        foreach (var block in Parse(source))
        {
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    html.Append("<h3 style=\"font-size:16px;margin:20px 0 8px\">").Append(InlineHtml(block.Lines[0], links)).Append("</h3>\n");
                    break;
                case BlockKind.List:
                    html.Append("<ul style=\"margin:0 0 16px;padding-left:20px\">\n");
                    foreach (var item in block.Lines)
                    {
                        html.Append("<li style=\"margin:0 0 6px\">").Append(InlineHtml(item, links)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                default:
                    html.Append("<p style=\"margin:0 0 16px\">")
                        .AppendJoin("<br>\n", block.Lines.Select(l => InlineHtml(l, links)))
                        .Append("</p>\n");
                    break;
            }
        }

        return html.ToString();
    }

    public static string ToText(string source, IReadOnlyList<TemplateLink> links)
    {
        var blocks = Parse(source).Select(block => block.Kind switch
        {
            BlockKind.List => string.Join('\n', block.Lines.Select(l => "- " + InlineText(l, links))),
            _ => string.Join('\n', block.Lines.Select(l => InlineText(l, links))),
        });
        return string.Join("\n\n", blocks);
    }

    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    private static string InlineHtml(string line, IReadOnlyList<TemplateLink> links)
    {
        var escaped = Bold().Replace(Escape(line), "<strong>$1</strong>");
        return Marker().Replace(escaped, m => Link(m, links) switch
        {
            { } link when IsSafe(link.Url) => $"<a href=\"{Escape(link.Url)}\" style=\"color:#1a5fb4\">{Escape(link.Text)}</a>",
            { } link => Escape(link.Text),
            null => "",
        });
    }

    private static string InlineText(string line, IReadOnlyList<TemplateLink> links)
    {
        var plain = Bold().Replace(line, "$1");
        return Marker().Replace(plain, m => Link(m, links) switch
        {
            { } link when link.Url.StartsWith("mailto:", StringComparison.Ordinal) => link.Text,
            { } link when IsSafe(link.Url) && link.Text != link.Url => $"{link.Text} ({link.Url})",
            { } link when IsSafe(link.Url) => link.Url,
            { } link => link.Text,
            null => "",
        });
    }

    // Only web and mail links: a javascript: or data: URL from an imported feed is shown as text.
    private static bool IsSafe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);

    private static TemplateLink? Link(Match marker, IReadOnlyList<TemplateLink> links) =>
        int.TryParse(marker.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < links.Count ? links[i] : null;

    private static List<Block> Parse(string source)
    {
        var blocks = new List<Block>();
        Block? paragraph = null;
        foreach (var raw in source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                paragraph = null;
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                paragraph = null;
                if (blocks.Count == 0 || blocks[^1].Kind != BlockKind.List)
                {
                    blocks.Add(new Block(BlockKind.List));
                }

                blocks[^1].Lines.Add(line[2..].Trim());
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                paragraph = null;
                blocks.Add(new Block(BlockKind.Heading) { Lines = { line[3..].Trim() } });
            }
            else
            {
                if (paragraph is null)
                {
                    paragraph = new Block(BlockKind.Paragraph);
                    blocks.Add(paragraph);
                }

                paragraph.Lines.Add(line);
            }
        }

        return blocks;
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex("\uE000([0-9]+)\uE001")]
    private static partial Regex Marker();

    private enum BlockKind
    {
        Paragraph,
        List,
        Heading,
    }

    private sealed record Block(BlockKind Kind)
    {
        public List<string> Lines { get; } = [];
    }
}
