using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Server.Tests;

/// <summary>Outcome dates and check-ins over the real server; the factory's clock reads 2027-01-11 in Oslo.</summary>
public sealed class OutcomeApiTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("{\"status\":\"left\",\"date\":\"2028-01-11\",\"reason\":\"career\"}", "must not be in the future (today is 2027-01-11 in Oslo)")]
    [InlineData("{\"status\":\"left\",\"date\":\"2027-01-12\",\"reason\":\"career\"}", "must not be in the future (today is 2027-01-11 in Oslo)")]
    [InlineData("{\"status\":\"stayed\",\"date\":\"2026-11-03\"}", "must not be before the start date 2026-11-04")]
    [InlineData("{\"status\":\"left\",\"date\":\"2026-06-01\",\"reason\":\"family\"}", "must not be before the start date 2026-11-04")]
    public async Task An_outcome_dated_ahead_of_today_or_before_the_start_is_400_on_date_and_cancels_nothing(string body, string reason)
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await EnrollStartedAsync(client, "HR-OUTCOME-" + Guid.NewGuid().ToString("N")[..12]);
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        using var response = await client.PostAsync(Url(id, "outcome"), ApiRequests.RawJson(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal([reason], problem["errors"]!["date"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
        Assert.Contains(await Journey(id), n => n.Status == NudgeStatus.Scheduled);
    }

    [Fact]
    public async Task A_departure_dated_today_is_recorded_ends_the_journey_and_then_refuses_check_ins()
    {
        using var client = factory.ClientFor(factory.AcmeKey);
        var id = await EnrollStartedAsync(client, "HR-OUTCOME-TODAY");

        using var stayed = await client.PostAsync(Url(id, "outcome"), ApiRequests.RawJson("{\"status\":\"stayed\",\"date\":\"2026-11-04\"}"));
        using var left = await client.PostAsync(Url(id, "outcome"), ApiRequests.RawJson("{\"status\":\"left\",\"date\":\"2027-01-11\",\"reason\":\"housing\"}"));

        Assert.Equal(HttpStatusCode.Created, stayed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, left.StatusCode);
        Assert.DoesNotContain(await Journey(id), n => n.Status == NudgeStatus.Scheduled);

        var before = await StoreSnapshot.TakeAsync(factory.Services);
        using var checkIn = await client.PostAsync(Url(id, "checkins"), ApiRequests.RawJson("{\"belonging\":5,\"intentToStay\":5}"));
        Assert.Equal(HttpStatusCode.Conflict, checkIn.StatusCode);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    /// <summary>An enrolment whose newcomer started on 2026-11-04, two months before the factory's today.</summary>
    private static async Task<string> EnrollStartedAsync(HttpClient client, string externalId)
    {
        var body = ApiRequests.ValidEnrollment(externalId);
        body["arrivalDate"] = "2026-11-02";
        body["startDate"] = "2026-11-04";
        return await ApiRequests.EnrollAsync(client, "acme", body);
    }

    private static Uri Url(string id, string action) => new($"{ApiRequests.Enrollments("acme")}/{id}/{action}", UriKind.Relative);

    private Task<IReadOnlyList<Nudge>> Journey(string id) =>
        factory.Services.GetRequiredService<INudgeStore>().GetJourneyAsync("acme", id, CancellationToken.None);
}
