using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Links;
using Retention.Core.Storage;

namespace Retention.Server.Tests;

public sealed class LinkApiTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Nudge> SentNudgeAsync(string externalId, string kind)
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment(externalId));
        var nudges = factory.Services.GetRequiredService<INudgeStore>();
        var nudge = (await nudges.GetJourneyAsync("acme", id, CancellationToken.None)).First(n => n.Kind == kind);
        return (await nudges.TryUpdateAsync(nudge with { Status = NudgeStatus.Sent, SentAt = nudge.DueAt }, CancellationToken.None))!;
    }

    private string Token(Nudge nudge, LinkAction action, int value = 0, Duration? lifetime = null)
    {
        var now = Instant.FromDateTimeOffset(factory.Clock.GetUtcNow());
        return factory.Services.GetRequiredService<IActionTokenSigner>().Sign(new ActionToken("acme", nudge.Id, action, value, now + (lifetime ?? Duration.FromDays(30))));
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task Get_shows_a_confirmation_page_and_records_nothing_post_records_done_once()
    {
        var nudge = await SentNudgeAsync("HR-LINK-DONE", "welcome-lunch");
        var token = Token(nudge, LinkAction.Done);
        using var browser = factory.CreateClient();
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var page = await browser.GetAsync(new Uri($"/a/{token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));

        using var done = await browser.PostAsync(new Uri($"/a/{token}", UriKind.Relative), Form());
        using var again = await browser.PostAsync(new Uri($"/a/{token}", UriKind.Relative), Form());

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("recorded", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("already recorded", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await factory.Services.GetRequiredService<INudgeStore>().GetAsync("acme", nudge.Id, CancellationToken.None);
        Assert.Equal(NudgeStatus.Acted, stored!.Status);
        Assert.NotNull(stored.ActedAt);
    }

    [Fact]
    public async Task Check_in_link_records_both_answers_once()
    {
        var nudge = await SentNudgeAsync("HR-LINK-CHECKIN", "check-in");
        var token = Token(nudge, LinkAction.Belonging, 4);
        using var browser = factory.CreateClient();

        using var page = await browser.GetAsync(new Uri($"/a/{token}", UriKind.Relative));
        Assert.Contains("name=\"belonging\" value=\"4\" required checked", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var post = await browser.PostAsync(new Uri($"/a/{token}", UriKind.Relative), Form(("belonging", "4"), ("intentToStay", "5")));
        using var replay = await browser.PostAsync(new Uri($"/a/{token}", UriKind.Relative), Form(("belonging", "1"), ("intentToStay", "1")));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("it is recorded", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The second answer is not stored, and the page says so rather than "recorded".
        var replayPage = await replay.Content.ReadAsStringAsync();
        Assert.Contains("your first answer stands", replayPage, StringComparison.Ordinal);
        Assert.DoesNotContain("it is recorded", replayPage, StringComparison.Ordinal);
        var checkIn = Assert.Single(await factory.Services.GetRequiredService<IEventStore>().GetCheckInsAsync("acme", nudge.EnrollmentId, CancellationToken.None));
        Assert.Equal((4, 5, nudge.Id), (checkIn.Belonging, checkIn.IntentToStay, checkIn.NudgeId));
    }

    [Theory]
    [InlineData(LinkAction.Belonging, 3)]
    [InlineData(LinkAction.Done, 0)]
    [InlineData(LinkAction.Snooze, 0)]
    public async Task A_link_of_a_message_that_was_not_sent_records_nothing(LinkAction action, int value)
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment("HR-LINK-UNSENT-" + action));
        var nudges = factory.Services.GetRequiredService<INudgeStore>();
        var scheduled = (await nudges.GetJourneyAsync("acme", id, CancellationToken.None)).First(n => n.Kind == (action == LinkAction.Belonging ? "check-in" : "welcome-lunch"));
        var token = Token(scheduled, action, value);
        using var browser = factory.CreateClient();
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var page = await browser.GetAsync(new Uri($"/a/{token}", UriKind.Relative));
        using var post = await browser.PostAsync(new Uri($"/a/{token}", UriKind.Relative), Form(("belonging", "3"), ("intentToStay", "3")));

        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.DoesNotContain("<form", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Contains("has not been sent, so nothing was recorded", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Fact]
    public async Task The_links_of_a_journey_preview_are_inert()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment("HR-LINK-PREVIEW"));
        var preview = await client.GetStringAsync(new Uri($"/api/v1/employers/acme/enrollments/{id}/journey/preview", UriKind.Relative));
        var links = System.Text.RegularExpressions.Regex.Matches(preview, @"https://retention\.test/a/([A-Za-z0-9_-]+)").Select(m => m.Groups[1].Value).ToList();
        using var browser = factory.CreateClient();
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        Assert.NotEmpty(links);
        Assert.All(links, token => Assert.Equal("preview", token));
        using var post = await browser.PostAsync(new Uri("/a/preview", UriKind.Relative), Form(("belonging", "5"), ("intentToStay", "5")));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Links in a preview record nothing", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Fact]
    public async Task Snooze_puts_the_nudge_off_by_a_week()
    {
        var nudge = await SentNudgeAsync("HR-LINK-SNOOZE", "welcome-lunch");
        using var browser = factory.CreateClient();

        using var post = await browser.PostAsync(new Uri($"/a/{Token(nudge, LinkAction.Snooze)}", UriKind.Relative), Form());

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var journey = await factory.Services.GetRequiredService<INudgeStore>().GetJourneyAsync("acme", nudge.EnrollmentId, CancellationToken.None);
        Assert.Equal(NudgeStatus.Snoozed, journey.Single(n => n.Id == nudge.Id).Status);
        var again = Assert.Single(journey, n => n.Kind == "welcome-lunch" && n.Status == NudgeStatus.Scheduled && n.Id != nudge.Id);
        Assert.True(again.DueAt - nudge.DueAt >= Duration.FromDays(7));
    }

    [Fact]
    public async Task Forged_tampered_and_expired_tokens_get_a_friendly_4xx_page_and_record_nothing()
    {
        var nudge = await SentNudgeAsync("HR-LINK-FORGED", "welcome-lunch");
        var good = Token(nudge, LinkAction.Done);
        var tampered = good[..^2] + (good[^2] == 'A' ? "BB" : "AA");
        var expiring = Token(nudge, LinkAction.Done, lifetime: Duration.FromHours(1));
        factory.Clock.Advance(TimeSpan.FromHours(2));
        using var browser = factory.CreateClient();
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        foreach (var token in new[] { "not-a-token", tampered, expiring, Convert.ToBase64String(Encoding.UTF8.GetBytes("acme|x|Done|0|9999999999")) })
        {
            using var get = await browser.GetAsync(new Uri($"/a/{Uri.EscapeDataString(token)}", UriKind.Relative));
            using var post = await browser.PostAsync(new Uri($"/a/{Uri.EscapeDataString(token)}", UriKind.Relative), Form());
            Assert.InRange((int)get.StatusCode, 400, 499);
            Assert.InRange((int)post.StatusCode, 400, 499);
            Assert.Contains("not valid", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }
}
