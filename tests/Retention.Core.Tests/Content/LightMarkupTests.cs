using Retention.Core.Content;

namespace Retention.Core.Tests.Content;

public sealed class LightMarkupTests
{
    private static readonly TemplateLink[] Links =
    [
        new("Skatteetaten", "https://www.skatteetaten.no/"),
        new("click me", "javascript:alert(1)"),
        new("a@example.com", "mailto:a@example.com"),
    ];

    private const string Source = "Intro line one\nline two\n\n- **first** " + "\uE0000\uE001" + "\n\n- second <b>\n\n## Heading & more\nLast " + "\uE0001\uE001" + " and " + "\uE0002\uE001";

    [Fact]
    public void Html_has_paragraphs_one_list_headings_and_escaped_text()
    {
        var html = LightMarkup.ToHtml(Source, Links);

        Assert.Contains("<p style=\"margin:0 0 16px\">Intro line one<br>\nline two</p>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<ul"));
        Assert.Contains("<li style=\"margin:0 0 6px\"><strong>first</strong> <a href=\"https://www.skatteetaten.no/\"", html, StringComparison.Ordinal);
        Assert.Contains("second &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains(">Heading &amp; more</h3>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_web_and_mail_links_become_anchors()
    {
        var html = LightMarkup.ToHtml(Source, Links);

        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("Last click me and <a href=\"mailto:a@example.com\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_keeps_lines_and_spells_links_out()
    {
        var text = LightMarkup.ToText(Source, Links);

        Assert.Equal(
            "Intro line one\nline two\n\n- first Skatteetaten (https://www.skatteetaten.no/)\n- second <b>\n\nHeading & more\n\nLast click me and a@example.com",
            text);
    }

    [Fact]
    public void A_marker_without_a_link_disappears()
    {
        Assert.Equal("<p style=\"margin:0 0 16px\">x  y</p>\n", LightMarkup.ToHtml("x \uE0009\uE001 y", Links));
    }
}
