using Microsoft.AspNetCore.Http;
using Retention.Http.Pages;

namespace Retention.Server.Tests.Pages;

public sealed class PageLanguageTests
{
    [Theory]
    [InlineData("", "nb")]
    [InlineData("en-GB,en;q=0.9", "en")]
    [InlineData("nn-NO", "nb")]
    [InlineData("no", "nb")]
    [InlineData("de-DE,en;q=0.5,nb;q=0.8", "nb")]
    [InlineData("de-DE,fr;q=0.5", "nb")]
    [InlineData("en;q=0,nb;q=0.1", "nb")]
    public void The_browser_language_chooses_the_page_language_when_nothing_was_chosen(string acceptLanguage, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = acceptLanguage;

        Assert.Equal(expected, PageLanguage.For(context));
    }

    [Fact]
    public void An_explicit_switch_wins_over_the_browser_and_is_remembered()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "nb-NO";
        context.Request.QueryString = new QueryString("?lang=en");

        Assert.Equal("en", PageLanguage.For(context));
        Assert.Contains("retention-lang=en", context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_remembered_choice_wins_over_the_browser_and_an_unknown_switch_is_ignored()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "nb-NO";
        context.Request.Headers.Cookie = "retention-lang=en";
        context.Request.QueryString = new QueryString("?lang=xx");

        Assert.Equal("en", PageLanguage.For(context));
        Assert.Empty(context.Response.Headers.SetCookie.ToString());
    }
}
