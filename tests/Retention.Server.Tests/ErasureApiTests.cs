using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Dispatch;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Server.Tests;

/// <summary>
/// Erasure is complete: the copies of sent mail in the pickup folder go, the SQLite file and its log keep no trace of
/// the addresses, and the erased person's external id is recognised (by a keyed hash) so that neither a POST nor a
/// re-import enrols them again.
/// </summary>
public sealed class ErasureApiTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    private const string NewcomerEmail = "erase.me.newcomer@example.com";
    private const string IldsjelEmail = "erase.me.ildsjel@example.no";

    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Erasure_removes_the_sent_copies_and_every_trace_in_the_database_file()
    {
        using var api = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(api, "acme", Body("HR-ERASE-MAIL"));
        var sent = await SendFirstAsync(id, Audience.Ildsjel);
        var sentNewcomer = await SendFirstAsync(id, Audience.Newcomer);
        Assert.Contains(OutboxFiles(), f => File.ReadAllText(f).Contains(IldsjelEmail, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(OutboxFiles(), f => File.ReadAllText(f).Contains(NewcomerEmail, StringComparison.OrdinalIgnoreCase));
        Assert.NotEqual(sent, sentNewcomer);

        using var erase = await api.DeleteAsync(new Uri($"{ApiRequests.Enrollments("acme")}/{id}/personal-data", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        foreach (var address in new[] { NewcomerEmail, IldsjelEmail })
        {
            Assert.DoesNotContain(OutboxFiles(), f => File.ReadAllText(f).Contains(address, StringComparison.OrdinalIgnoreCase));
            foreach (var file in DatabaseFiles())
            {
                Assert.False(Contains(file, address), $"{Path.GetFileName(file)} still holds {address}");
            }
        }

        // The journey keeps its facts (what was sent, when) for the aggregates.
        var journey = await factory.Services.GetRequiredService<INudgeStore>().GetJourneyAsync("acme", id, CancellationToken.None);
        Assert.All(journey.Where(n => n.Id == sent || n.Id == sentNewcomer), n => Assert.Equal(NudgeStatus.Sent, n.Status));
    }

    [Fact]
    public async Task An_erased_person_is_not_enrolled_again_by_post_or_by_import_and_the_api_never_shows_the_hash()
    {
        using var api = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(api, "acme", Body("HR-ERASE-AGAIN", "again@example.com", "again@example.no"));
        using (var erase = await api.DeleteAsync(new Uri($"{ApiRequests.Enrollments("acme")}/{id}/personal-data", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        }

        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var post = await api.PostAsync(new Uri(ApiRequests.Enrollments("acme"), UriKind.Relative), ApiRequests.Json(Body("HR-ERASE-AGAIN", "again@example.com", "again@example.no")));
        using var import = await api.PostAsync(
            new Uri("/api/v1/employers/acme/enrollments:import", UriKind.Relative),
            new StringContent(
                "externalId,newcomerName,newcomerEmail,ildsjelName,ildsjelEmail,arrivalDate,startDate,municipality,newcomerNudgesConsent\n"
                + "HR-ERASE-AGAIN,Audrey,again@example.com,Karianne,again@example.no,2027-03-01,2027-03-03,Haugesund,true\n",
                Encoding.UTF8, "text/csv"));
        using var get = await api.GetAsync(new Uri($"{ApiRequests.Enrollments("acme")}/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        var problem = await post.ReadObjectAsync();
        Assert.Contains("erased", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(id, problem["enrollmentId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var report = await import.ReadObjectAsync();
        var row = report["rows"]![0]!;
        Assert.Equal(("erased", 1, 0), (row["status"]!.GetValue<string>(), report["erased"]!.GetValue<int>(), report["created"]!.GetValue<int>()));
        Assert.Null(row["enrollmentId"]);
        var shown = await get.ReadObjectAsync();
        Assert.Null(shown["externalId"]);
        Assert.True(shown["erased"]!.GetValue<bool>());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));

        // Another employer's HR system may use the same id for someone else: the hash is per employer.
        using var globex = factory.ClientFor(factory.GlobexKey);
        using var elsewhere = await globex.PostAsync(new Uri(ApiRequests.Enrollments("globex"), UriKind.Relative), ApiRequests.Json(Body("HR-ERASE-AGAIN", "again@example.com", "again@example.no")));
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    // The addresses are this class's own (the first test looks for them in the whole file); the second test uses others.
    private static JsonObject Body(string externalId, string newcomer = NewcomerEmail, string ildsjel = IldsjelEmail)
    {
        var body = ApiRequests.ValidEnrollment(externalId);
        body["newcomer"]!["email"] = newcomer;
        body["ildsjel"]!["email"] = ildsjel;
        return body;
    }

    /// <summary>Moves the clock to the audience's first nudge and dispatches it as the background service would.</summary>
    private async Task<string> SendFirstAsync(string id, Audience audience)
    {
        var nudges = factory.Services.GetRequiredService<INudgeStore>();
        var first = (await nudges.GetJourneyAsync("acme", id, CancellationToken.None))
            .Where(n => n.Audience == audience && n.Status == NudgeStatus.Scheduled)
            .MinBy(n => n.DueAt)!;
        var outcome = await DueDispatch.AtDueTimeAsync(factory, first);
        Assert.Equal(DispatchResult.Sent, outcome.Result);
        return first.Id;
    }

    private IEnumerable<string> OutboxFiles()
    {
        var outbox = Path.Combine(factory.DataDirectory, "outbox");
        return Directory.Exists(outbox) ? Directory.EnumerateFiles(outbox, "*", SearchOption.AllDirectories).ToList() : [];
    }

    private IEnumerable<string> DatabaseFiles() =>
        Directory.EnumerateFiles(factory.DataDirectory, "retention.db*").ToList();

    /// <summary>Reads the file as the running server leaves it (shared: it holds it open) and looks for the bytes.</summary>
    private static bool Contains(string path, string text)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0
            || bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text.ToUpperInvariant())) >= 0;
    }
}
