using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Access;
using Retention.Testing;
using Xunit.Abstractions;

namespace Retention.Server.Tests.EndToEnd;

/// <summary>
/// Twenty HR clients change one enrolment's dates at the same moment, through the real server on a real SQLite
/// file; then the dispatcher sends the whole journey to a real SMTP server. Every milestone arrives once.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ConcurrentChangeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Twenty_parallel_date_changes_leave_one_live_nudge_per_milestone_and_each_milestone_is_delivered_once()
    {
        await using var maildev = await MaildevServer.StartAsync();
        using var server = new SmtpServerFactory(maildev);
        var key = await server.Services.GetRequiredService<ApiKeyService>().CreateAsync("acme", CancellationToken.None);
        using var api = server.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", key);
        var id = await ApiRequests.EnrollAsync(api, "acme");

        var changes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var client = server.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            var start = new DateOnly(2027, 3, 3).AddDays(i);
            var patch = new JsonObject { ["arrivalDate"] = start.AddDays(-2).ToString("O"), ["startDate"] = start.ToString("O") };
            using var response = await client.PatchAsync(new Uri($"/api/v1/employers/acme/enrollments/{id}", UriKind.Relative), ApiRequests.Json(patch));
            return (response.StatusCode, Start: start);
        }));

        Assert.All(changes, c => Assert.Contains(c.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(changes, c => c.StatusCode == HttpStatusCode.OK);
        var journey = await JourneyNudge.GetAsync(api, "acme", id);
        var live = journey.Where(n => n.Status is "scheduled" or "sending").ToList();
        Assert.All(live.GroupBy(n => (n.Kind, n.Audience, n.Reason)), slot => Assert.Single(slot));
        var stored = await (await api.GetAsync(new Uri($"/api/v1/employers/acme/enrollments/{id}", UriKind.Relative))).ReadObjectAsync();
        Assert.Contains(changes, c => c.StatusCode == HttpStatusCode.OK && c.Start.ToString("O") == stored["startDate"]!.GetValue<string>());

        // Send the whole journey, one due time after another (each inside its recipient's window).
        foreach (var due in live.Select(n => n.DueAt).Distinct().Order())
        {
            await server.SettleAsync(api, "acme", id, due, SettleTimeout);
        }

        // Which milestones each delivered message carried: the nudges pinned to its idempotency key.
        var ledger = await NudgeLedger.ReadAsync(Path.Combine(server.DataDirectory, "retention.db"));
        var delivered = (await maildev.GetEmailsAsync()).Select(m => m.Header("X-Retention-Idempotency-Key")!).ToList();
        Assert.NotEmpty(delivered);
        Assert.Equal(delivered.Count, delivered.Distinct(StringComparer.Ordinal).Count());
        var slots = delivered
            .SelectMany(key => ledger.Where(n => n.IdempotencyKey == key && n.SentAt is not null))
            .Select(n => (n.Kind, n.Audience, n.Reason))
            .ToList();
        output.WriteLine($"changes: {changes.Count(c => c.StatusCode == HttpStatusCode.OK)} × 200, {changes.Count(c => c.StatusCode == HttpStatusCode.Conflict)} × 409; live nudges {live.Count}; messages {delivered.Count} carrying {slots.Count} milestones");
        Assert.Equal(slots.Count, slots.Distinct().Count());
        Assert.Equal(live.Count, slots.Count + (await JourneyNudge.GetAsync(api, "acme", id)).Count(n => n.Status is "skipped" && live.Any(l => l.Id == n.Id)));
    }
}
