using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using Retention.Core.Access;
using Retention.Core.Links;
using Retention.Testing;

namespace Retention.Server.Tests.EndToEnd;

/// <summary>
/// The loop a user sees, in one process with a real SMTP server: enrol → e-mails arrive at the right people in
/// their languages → the ildsjel clicks "done" (GET, then POST) → the journey shows the nudge acted.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed partial class EnrolToActionTests
{
    private const string Newcomer = "audrey@example.com";
    private const string Ildsjel = "karianne@example.no";
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Enrolled_newcomer_and_ildsjel_get_their_mail_in_their_language_and_a_clicked_link_shows_in_the_journey()
    {
        await using var maildev = await MaildevServer.StartAsync();
        using var server = new SmtpServerFactory(maildev);
        var key = await server.Services.GetRequiredService<ApiKeyService>().CreateAsync("acme", CancellationToken.None);
        using var api = server.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", key);

        // Audrey (English) arrives 1 March 2027 and starts Wednesday 3 March; Karianne (Norwegian) is her ildsjel.
        var enrollmentId = await ApiRequests.EnrollAsync(api, "acme");

        // Due times are spread over the recipient's day, so the test reads them from the planned journey.
        var planned = await JourneyNudge.GetAsync(api, "acme", enrollmentId);
        DateTimeOffset DueOf(string kind) => planned.Single(n => n.Kind == kind && n.FollowsUpNudgeId is null).DueAt;

        // Through the pre-arrival mail to both of them (before arrival on 1 March).
        await SettleAsync(server, api, enrollmentId, new[] { DueOf("practical-checklist"), DueOf("ildsjel-introduction") }.Max());
        var early = await maildev.GetEmailsAsync();
        var journey = await JourneyNudge.GetAsync(api, "acme", enrollmentId);
        Assert.Contains(journey, n => n.Kind == "practical-checklist" && n.Status == "sent");
        Assert.Contains(journey, n => n.Kind == "ildsjel-introduction" && n.Status == "sent");
        Assert.Contains(early, m => m.Recipients.SequenceEqual([Newcomer]));
        Assert.Contains(early, m => m.Recipients.SequenceEqual([Ildsjel]));
        foreach (var mail in early)
        {
            var recipient = Assert.Single(mail.Recipients);
            var message = await SourceAsync(maildev, mail.Id);
            var language = message.Body!.Headers[HeaderId.ContentLanguage];
            if (recipient == Ildsjel)
            {
                Assert.Equal("nb", language);
                Assert.Matches(NorwegianWord(), message.TextBody);
            }
            else
            {
                Assert.Equal(Newcomer, recipient);
                Assert.Equal("en", language);
                Assert.DoesNotMatch(NorwegianWord(), message.TextBody);
            }
        }

        // Through the first working week: the welcome-lunch mail to the ildsjel, with the invitation attached.
        await SettleAsync(server, api, enrollmentId, DueOf("welcome-lunch"));
        journey = await JourneyNudge.GetAsync(api, "acme", enrollmentId);
        Assert.True(journey.Count(n => n.Kind == "welcome-lunch" && n.Status == "sent") == 1, Describe(journey));
        var lunch = journey.Single(n => n.Kind == "welcome-lunch" && n.Status == "sent");
        var lunchMail = Assert.Single(await maildev.GetEmailsAsync(), m => m.Subject?.Contains("velkomstlunsj", StringComparison.Ordinal) == true);
        Assert.Equal([Ildsjel], lunchMail.Recipients);
        var lunchMessage = await SourceAsync(maildev, lunchMail.Id);
        Assert.Contains(lunchMessage.BodyParts, p => p.ContentType.MimeType == "text/calendar");

        // The "done" link of that nudge, as the ildsjel would click it in a browser.
        var signer = server.Services.GetRequiredService<IActionTokenSigner>();
        var now = Instant.FromDateTimeOffset(server.Clock.GetUtcNow());
        var done = LinkTokens(lunchMessage)
            .Where(t => signer.TryVerify(t, now, out var v) && v.Action == LinkAction.Done && v.NudgeId == lunch.Id)
            .Distinct(StringComparer.Ordinal)
            .Single();
        using var browser = server.CreateClient();
        using var page = await browser.GetAsync(new Uri($"/a/{done}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("sent", (await JourneyNudge.GetAsync(api, "acme", enrollmentId)).Single(n => n.Id == lunch.Id).Status);

        using var post = await browser.PostAsync(new Uri($"/a/{done}", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        journey = await JourneyNudge.GetAsync(api, "acme", enrollmentId);
        Assert.Equal("acted", journey.Single(n => n.Id == lunch.Id).Status);

        // Acting ends the follow-ups: the welcome-lunch reminder is never sent.
        var reminders = journey.Where(n => n.FollowsUpNudgeId == lunch.Id).ToList();
        Assert.NotEmpty(reminders);
        await SettleAsync(server, api, enrollmentId, reminders.Max(r => r.DueAt).AddHours(1));
        journey = await JourneyNudge.GetAsync(api, "acme", enrollmentId);
        Assert.All(journey.Where(n => n.FollowsUpNudgeId == lunch.Id), r => Assert.Equal("skipped", r.Status));
        Assert.DoesNotContain(await maildev.GetEmailsAsync(), m => m.Subject?.Contains("velkomstlunsj", StringComparison.Ordinal) == true && m.Id != lunchMail.Id);
    }

    private static Task SettleAsync(SmtpServerFactory server, HttpClient api, string enrollmentId, DateTimeOffset target) =>
        server.SettleAsync(api, "acme", enrollmentId, target, SettleTimeout);

    private static string Describe(IEnumerable<JourneyNudge> journey) =>
        string.Join("\n", journey.Select(n => $"{n.DueAt:O} {n.Kind} {n.Audience} {n.Status}"));

    private static async Task<MimeMessage> SourceAsync(MaildevServer maildev, string id)
    {
        await using var source = await maildev.GetSourceAsync(id);
        return await MimeMessage.LoadAsync(source);
    }

    private static IEnumerable<string> LinkTokens(MimeMessage message) =>
        LinkPattern().Matches((message.HtmlBody ?? "") + "\n" + (message.TextBody ?? "")).Select(m => m.Groups["token"].Value);

    [GeneratedRegex(@"https://retention\.test/a/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    // Words that appear in Norwegian text and not in English: "og" (and), "du" (you), "ikke" (not), "på" (on).
    [GeneratedRegex(@"\b(og|du|ikke|på)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NorwegianWord();
}
