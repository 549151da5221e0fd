using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Server.Tests;

public sealed class JourneyApiTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Changing_the_arrival_date_replans_future_nudges_and_keeps_sent_ones()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment("HR-REPLAN"));
        var nudges = factory.Services.GetRequiredService<INudgeStore>();
        var journey = await nudges.GetJourneyAsync("acme", id, CancellationToken.None);
        var first = journey[0];
        var sent = await nudges.TryUpdateAsync(first with { Status = NudgeStatus.Sent, SentAt = first.DueAt }, CancellationToken.None);
        Assert.NotNull(sent);

        using var patch = await client.PatchAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}"), ApiRequests.RawJson("{\"arrivalDate\":\"2027-04-05\",\"startDate\":\"2027-04-06\"}"));

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("2027-04-05", (await patch.ReadObjectAsync())["arrivalDate"]!.GetValue<string>());
        var after = await nudges.GetJourneyAsync("acme", id, CancellationToken.None);
        var keptSent = Assert.Single(after, n => n.Id == first.Id);
        Assert.Equal(NudgeStatus.Sent, keptSent.Status);
        Assert.Equal(sent.DueAt, keptSent.DueAt);
        // Every other old nudge is either cancelled or, when its milestone does not depend on the dates (17 May), kept as it was.
        Assert.All(journey.Skip(1), old =>
        {
            var now = after.Single(n => n.Id == old.Id);
            Assert.True(now.Status == NudgeStatus.Cancelled || (now.Status == NudgeStatus.Scheduled && now.DueAt == old.DueAt), $"{old.Kind} {old.Reason}: {now.Status}");
        });
        Assert.Contains(after, n => n.Status == NudgeStatus.Cancelled && n.Kind == "welcome-lunch");
        var scheduledMilestones = after.Where(n => n.Status == NudgeStatus.Scheduled).Select(n => (n.Kind, n.Audience, n.Reason, n.FollowsUpNudgeId)).ToList();
        Assert.Equal(scheduledMilestones.Count, scheduledMilestones.Distinct().Count());
        var replanned = after.Where(n => n.Status == NudgeStatus.Scheduled).ToList();
        Assert.NotEmpty(replanned);
        Assert.DoesNotContain(replanned, n => n.Kind == first.Kind && n.Audience == first.Audience && n.Reason == first.Reason);
        var lunch = replanned.Single(n => n.Kind == "welcome-lunch");
        Assert.True(lunch.DueAt > journey.Single(n => n.Kind == "welcome-lunch").DueAt);
    }

    [Fact]
    public async Task Bad_patch_is_400_and_changes_nothing()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment("HR-BADPATCH"));
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var unknown = await client.PatchAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}"), ApiRequests.RawJson("{\"newcomer\":{\"shoeSize\":42}}"));
        using var badDate = await client.PatchAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}"), ApiRequests.RawJson("{\"arrivalDate\":\"2031-01-01\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("newcomer.shoeSize", await ApiRequests.ProblemFieldsAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("arrivalDate", await ApiRequests.ProblemFieldsAsync(badDate));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Fact]
    public async Task Pause_cancels_future_nudges_resume_plans_them_again_cancel_stops_for_good()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment("HR-PAUSE"));
        var nudges = factory.Services.GetRequiredService<INudgeStore>();

        using var pause = await client.PostAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}/pause"), null);
        Assert.Equal("paused", (await pause.ReadObjectAsync())["status"]!.GetValue<string>());
        Assert.DoesNotContain(await nudges.GetJourneyAsync("acme", id, CancellationToken.None), n => n.Status == NudgeStatus.Scheduled);

        using var resume = await client.PostAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}/resume"), null);
        Assert.Equal("active", (await resume.ReadObjectAsync())["status"]!.GetValue<string>());
        Assert.Contains(await nudges.GetJourneyAsync("acme", id, CancellationToken.None), n => n.Status == NudgeStatus.Scheduled);

        using var cancel = await client.DeleteAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}"));
        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        Assert.DoesNotContain(await nudges.GetJourneyAsync("acme", id, CancellationToken.None), n => n.Status == NudgeStatus.Scheduled);
        using var resumeCancelled = await client.PostAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}/resume"), null);
        Assert.Equal(HttpStatusCode.Conflict, resumeCancelled.StatusCode);
    }

    [Fact]
    public async Task Erasure_removes_personal_fields_and_comments_and_keeps_the_numbers()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment("HR-ERASE"));
        using var checkIn = await client.PostAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}/checkins"), ApiRequests.RawJson("{\"belonging\":2,\"intentToStay\":3,\"comment\":\"my landlord is difficult\"}"));
        Assert.Equal(HttpStatusCode.Created, checkIn.StatusCode);

        // A nudge that failed once: the provider's error text quotes the address.
        var nudgeStore = factory.Services.GetRequiredService<INudgeStore>();
        var failedOnce = (await nudgeStore.GetJourneyAsync("acme", id, CancellationToken.None))[0];
        Assert.NotNull(await nudgeStore.TryUpdateAsync(
            failedOnce with { Attempts = 1, LastError = "550 5.1.1 <audrey@example.com>: mailbox unavailable" }, CancellationToken.None));

        using var erase = await client.DeleteAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}/personal-data"));
        using var get = await client.GetAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}"));

        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        var text = await get.Content.ReadAsStringAsync();
        foreach (var personal in new[] { "Audrey", "audrey@example.com", "Karianne", "karianne@example.no", "hr@example.no", "HR-ERASE", "hiking", "America/Chicago" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }

        Assert.Contains("\"erased\":true", text, StringComparison.Ordinal);
        Assert.Contains("2027-03-01", text, StringComparison.Ordinal);
        var events = factory.Services.GetRequiredService<IEventStore>();
        var kept = Assert.Single(await events.GetCheckInsAsync("acme", id, CancellationToken.None));
        Assert.Equal((2, 3, (string?)null), (kept.Belonging, kept.IntentToStay, kept.Comment));
        var journey = await nudgeStore.GetJourneyAsync("acme", id, CancellationToken.None);
        Assert.DoesNotContain(journey, n => n.Status == NudgeStatus.Scheduled);
        var erasedError = journey.Single(n => n.Id == failedOnce.Id);
        Assert.Equal((1, "(erased)"), (erasedError.Attempts, erasedError.LastError));
        Assert.DoesNotContain(journey, n => n.LastError?.Contains("audrey", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public async Task Check_in_and_outcome_validate_every_field_and_left_ends_the_journey()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var started = ApiRequests.ValidEnrollment("HR-OUTCOME");
        started["arrivalDate"] = "2026-11-02";
        started["startDate"] = "2026-11-04";
        var id = await ApiRequests.EnrollAsync(client, "acme", started);
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var badCheckIn = await client.PostAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}/checkins"), ApiRequests.RawJson("{\"belonging\":0,\"intentToStay\":6}"));
        using var badOutcome = await client.PostAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}/outcome"), ApiRequests.RawJson("{\"status\":\"left\",\"date\":\"2027-13-01\",\"reason\":\"boredom\"}"));
        using var missingReason = await client.PostAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}/outcome"), ApiRequests.RawJson("{\"status\":\"left\",\"date\":\"2026-12-01\"}"));

        Assert.Equal(["belonging", "intentToStay"], (await ApiRequests.ProblemFieldsAsync(badCheckIn)).Order(StringComparer.Ordinal));
        Assert.Equal(["date", "reason"], (await ApiRequests.ProblemFieldsAsync(badOutcome)).Order(StringComparer.Ordinal));
        Assert.Equal(["reason"], await ApiRequests.ProblemFieldsAsync(missingReason));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));

        using var left = await client.PostAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}/outcome"), ApiRequests.RawJson("{\"status\":\"left\",\"date\":\"2026-12-01\",\"reason\":\"partner-job\"}"));
        Assert.Equal(HttpStatusCode.Created, left.StatusCode);
        Assert.Equal("partner-job", (await left.ReadObjectAsync())["reason"]!.GetValue<string>());
        using var get = await client.GetAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}"));
        Assert.Equal("left", (await get.ReadObjectAsync())["status"]!.GetValue<string>());
        Assert.DoesNotContain(await factory.Services.GetRequiredService<INudgeStore>().GetJourneyAsync("acme", id, CancellationToken.None), n => n.Status == NudgeStatus.Scheduled);
    }

    [Fact]
    public async Task Preview_renders_the_future_messages_in_the_asked_language_without_sending()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await ApiRequests.EnrollAsync(client, "acme", ApiRequests.ValidEnrollment("HR-PREVIEW"));
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var nb = await client.GetAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}/journey/preview?language=nb"));
        using var bad = await client.GetAsync(Url($"{ApiRequests.Enrollments("acme")}/{id}/journey/preview?language=xx"));

        Assert.Equal(HttpStatusCode.OK, nb.StatusCode);
        var messages = (await nb.ReadObjectAsync())["messages"]!.AsArray();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m!["subject"]!.GetValue<string>())));
        Assert.Contains(messages, m => m!["attachments"]!.AsArray().Any(a => a!.GetValue<string>() == "text/calendar"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }
}
