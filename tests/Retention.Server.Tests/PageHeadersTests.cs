using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Retention.Core.Links;
using Retention.Core.Storage;
using Retention.Http.Pages;

namespace Retention.Server.Tests;

/// <summary>
/// Every HTML page — a one-click link page, the HR sign-in, the regional sign-in — carries a script-free
/// Content-Security-Policy, nosniff, no Referer (a link page's URL is a credential) and no caching.
/// </summary>
public sealed class PageHeadersTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Link_sign_in_and_regional_pages_send_the_page_headers()
    {
        using var api = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(api, "acme", ApiRequests.ValidEnrollment("HR-HEADERS"));
        var nudge = (await factory.Services.GetRequiredService<INudgeStore>().GetJourneyAsync("acme", id, CancellationToken.None))[0];
        var now = Instant.FromDateTimeOffset(factory.Clock.GetUtcNow());
        var token = factory.Services.GetRequiredService<IActionTokenSigner>().Sign(new ActionToken("acme", nudge.Id, LinkAction.Done, 0, now + Duration.FromDays(30)));
        using var browser = factory.CreateClient();

        foreach (var (path, status) in new[] { ($"/a/{token}", HttpStatusCode.Conflict), ("/dashboard/acme", HttpStatusCode.Unauthorized), ("/dashboard/regions/haugalandet", HttpStatusCode.Unauthorized) })
        {
            using var page = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(status, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HtmlPage.ContentSecurityPolicy, Header(page, "Content-Security-Policy"));
            Assert.DoesNotContain("script-src", HtmlPage.ContentSecurityPolicy, StringComparison.Ordinal);
            Assert.Equal("nosniff", Header(page, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(page, "Referrer-Policy"));
            Assert.Equal("no-store", Header(page, "Cache-Control"));
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : "";
}
