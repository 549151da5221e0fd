using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Journeys;
using Retention.Core.Links;
using Retention.Core.Storage;

namespace Retention.Server.Tests;

/// <summary>
/// An unsubscribe holds per employer and address until that person re-consents: across re-plans (dates,
/// municipality, ildsjel swap), across two enrolments that share the ildsjel, and at send time.
/// </summary>
public sealed partial class UnsubscribeApiTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    private const string Shared = "karianne@example.no";

    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_ildsjel_who_unsubscribed_gets_nothing_from_any_enrolment_until_they_re_consent()
    {
        using var api = factory.ClientFor(factory.AcmeKey);
        var first = await ApiRequests.EnrollAsync(api, "acme", Enrollment("HR-UNSUB-1", "audrey@example.com"));
        var second = await ApiRequests.EnrollAsync(api, "acme", Enrollment("HR-UNSUB-2", "bao@example.com"));
        var ildsjelBefore = await LiveIldsjelAsync(first);
        Assert.NotEmpty(ildsjelBefore);

        // The ildsjel uses the List-Unsubscribe link of one of the first enrolment's mails.
        using var browser = factory.CreateClient();
        using var unsubscribed = await browser.PostAsync(new Uri($"/a/{Token(ildsjelBefore[0], LinkAction.Unsubscribe)}", UriKind.Relative), Empty());
        var page = await unsubscribed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Contains("no more e-mails", page, StringComparison.Ordinal);
        var resubscribe = ResubscribeForm().Match(page).Groups["url"].Value;
        Assert.StartsWith("/a/", resubscribe, StringComparison.Ordinal);

        Assert.Empty(await LiveIldsjelAsync(first));
        Assert.All((await JourneyAsync(first)).Where(n => n.Audience == Audience.Ildsjel && n.Status == NudgeStatus.Cancelled && n.DueAt > Now),
            n => Assert.Equal(NudgeStatusReasons.Unsubscribed, n.StatusReason));
        Assert.Equal(["ildsjel"], await UnsubscribedPeopleAsync(api, first));
        Assert.Equal(["ildsjel"], await UnsubscribedPeopleAsync(api, second));

        // The second enrolment's ildsjel nudges are stopped at send time ...
        var dispatcher = factory.Services.GetRequiredService<NudgeDispatcher>();
        var pending = (await LiveIldsjelAsync(second))[0];
        var outcome = await dispatcher.DispatchAsync("acme", pending.Id, CancellationToken.None);
        Assert.Equal(DispatchResult.Skipped, outcome.Result);
        var skipped = await factory.Services.GetRequiredService<INudgeStore>().GetAsync("acme", pending.Id, CancellationToken.None);
        Assert.Equal((NudgeStatus.Skipped, NudgeStatusReasons.Unsubscribed), (skipped!.Status, skipped.StatusReason));
        Assert.DoesNotContain(OutboxRecipients(), r => r.Contains(Shared, StringComparison.OrdinalIgnoreCase));

        // ... and no re-plan by HR brings anything back, in either enrolment.
        await PatchAsync(api, first, new JsonObject { ["arrivalDate"] = "2027-03-08", ["startDate"] = "2027-03-10" });
        await PatchAsync(api, first, new JsonObject { ["municipality"] = "Karmøy" });
        await PatchAsync(api, second, new JsonObject { ["startDate"] = "2027-03-04" });
        Assert.Empty(await LiveIldsjelAsync(first));
        Assert.Empty(await LiveIldsjelAsync(second));

        // A new ildsjel is another person: they are nudged; naming the unsubscribed one again stops it again.
        await PatchAsync(api, first, new JsonObject { ["ildsjel"] = new JsonObject { ["name"] = "Ola", ["email"] = "ola@example.no", ["language"] = "nb" } });
        Assert.NotEmpty(await LiveIldsjelAsync(first));
        await PatchAsync(api, first, new JsonObject { ["ildsjel"] = new JsonObject { ["name"] = "Karianne", ["email"] = "Karianne@Example.NO", ["language"] = "nb" } });
        Assert.Empty(await LiveIldsjelAsync(first));

        // Only the person's own re-consent lifts it, and both journeys plan their nudges again.
        using var back = await browser.PostAsync(new Uri(resubscribe, UriKind.Relative), Empty());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains("you will get these e-mails again", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(await LiveIldsjelAsync(first));
        Assert.NotEmpty(await LiveIldsjelAsync(second));
        Assert.Empty(await UnsubscribedPeopleAsync(api, first));
    }

    [Fact]
    public async Task A_repeated_unsubscribe_says_it_was_already_done_and_changes_nothing_more()
    {
        using var api = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(api, "acme", Enrollment("HR-UNSUB-AGAIN", "chen@example.com", ildsjel: "lone@example.no"));
        var nudge = (await LiveIldsjelAsync(id))[0];
        using var browser = factory.CreateClient();
        using var first = await browser.PostAsync(new Uri($"/a/{Token(nudge, LinkAction.Unsubscribe)}", UriKind.Relative), Empty());
        var after = await StoreSnapshot.TakeAsync(factory.Services);

        using var again = await browser.PostAsync(new Uri($"/a/{Token(nudge, LinkAction.Unsubscribe)}", UriKind.Relative), Empty());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already unsubscribed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Strip(after), Strip(await StoreSnapshot.TakeAsync(factory.Services)));
    }

    private static JsonObject Enrollment(string externalId, string newcomer, string ildsjel = Shared)
    {
        var body = ApiRequests.ValidEnrollment(externalId);
        body["newcomer"]!["email"] = newcomer;
        body["ildsjel"]!["email"] = ildsjel;
        return body;
    }

    private Instant Now => Instant.FromDateTimeOffset(factory.Clock.GetUtcNow());

    private string Token(Nudge nudge, LinkAction action) =>
        factory.Services.GetRequiredService<IActionTokenSigner>().Sign(new ActionToken("acme", nudge.Id, action, 0, Now + Duration.FromDays(60)));

    private Task<IReadOnlyList<Nudge>> JourneyAsync(string id) =>
        factory.Services.GetRequiredService<INudgeStore>().GetJourneyAsync("acme", id, CancellationToken.None);

    private async Task<List<Nudge>> LiveIldsjelAsync(string id) =>
        (await JourneyAsync(id)).Where(n => n.Audience == Audience.Ildsjel && NudgeStatuses.IsLive(n.Status)).ToList();

    private static async Task<List<string>> UnsubscribedPeopleAsync(HttpClient api, string id)
    {
        var body = await (await api.GetAsync(new Uri($"/api/v1/employers/acme/enrollments/{id}", UriKind.Relative))).ReadObjectAsync();
        return body["unsubscribed"] is JsonArray people ? people.Select(p => p!["person"]!.GetValue<string>()).ToList() : [];
    }

    private static async Task PatchAsync(HttpClient api, string id, JsonObject patch)
    {
        using var response = await api.PatchAsync(new Uri($"/api/v1/employers/acme/enrollments/{id}", UriKind.Relative), ApiRequests.Json(patch));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private IEnumerable<string> OutboxRecipients()
    {
        var outbox = Path.Combine(factory.DataDirectory, "outbox");
        return Directory.Exists(outbox)
            ? Directory.EnumerateFiles(outbox, "*.eml").SelectMany(f => File.ReadLines(f).Where(l => l.StartsWith("To:", StringComparison.Ordinal)))
            : [];
    }

    // The store-owned versions move with the re-plan's lease; what matters is that no nudge or person changed.
    private static string Strip(string snapshot) => VersionField().Replace(snapshot, "");

    private static FormUrlEncodedContent Empty() => new([]);

    [GeneratedRegex("<form method=\"post\" action=\"(?<url>/a/[A-Za-z0-9_-]+)\">")]
    private static partial Regex ResubscribeForm();

    [GeneratedRegex("\"version\":\"[^\"]*\"", RegexOptions.IgnoreCase)]
    private static partial Regex VersionField();
}
