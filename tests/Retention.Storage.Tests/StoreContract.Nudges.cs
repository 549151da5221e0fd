using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Storage.Tests;

public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task Journey_holds_the_created_nudges_ordered_by_due_time()
    {
        var enrollment = StoreTestData.Enrollment(EmployerA);
        var nudges = StoreTestData.Journey(enrollment);
        await CreateAsync(enrollment, nudges);

        var journey = await Nudges.GetJourneyAsync(EmployerA, enrollment.Id, Ct);

        Assert.Equal(nudges.OrderBy(n => n.DueAt).Select(n => n.Id), journey.Select(n => n.Id));
        foreach (var nudge in nudges)
        {
            AssertSameNudge(nudge, journey.Single(n => n.Id == nudge.Id));
        }

        Assert.All(journey, n => Assert.NotEqual("", n.Version));
    }

    [SkippableFact]
    public async Task Nudge_get_returns_the_nudge_with_its_version()
    {
        var enrollment = StoreTestData.Enrollment(EmployerA);
        var nudges = StoreTestData.Journey(enrollment);
        await CreateAsync(enrollment, nudges);

        var read = await Nudges.GetAsync(EmployerA, nudges[1].Id, Ct);

        AssertSameNudge(nudges[1], read);
        Assert.NotEqual("", read!.Version);
        Assert.Null(await Nudges.GetAsync(EmployerA, "no-such-nudge", Ct));
    }

    [SkippableFact]
    public async Task Nudge_update_with_the_current_version_stores_every_field()
    {
        var enrollment = StoreTestData.Enrollment(EmployerA);
        await CreateAsync(enrollment, StoreTestData.Journey(enrollment));
        var stored = (await Nudges.GetJourneyAsync(EmployerA, enrollment.Id, Ct))[0];
        var changed = stored with
        {
            Status = NudgeStatus.Sent,
            Attempts = 2,
            NextAttemptAt = StoreTestData.Now + Duration.FromMinutes(5),
            SentAt = StoreTestData.Now + Duration.FromMilliseconds(1234),
            ActedAt = StoreTestData.Now + Duration.FromHours(3),
            LastError = "421 try again later",
            IdempotencyKey = "acme:enr-1:Ildsjel:2027-03-04:r3:0123456789abcdef",
            SchedulerHandle = 9_007_199_254_740_993,
            FollowsUpNudgeId = "earlier-nudge",
            PlanRevision = 3,
        };

        var updated = await Nudges.TryUpdateAsync(changed, Ct);

        Assert.NotNull(updated);
        Assert.NotEqual(stored.Version, updated.Version);
        var read = await Nudges.GetAsync(EmployerA, stored.Id, Ct);
        AssertSameNudge(changed, read);
        Assert.Equal(updated.Version, read!.Version);
    }

    [SkippableFact]
    public async Task Nudge_update_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var enrollment = StoreTestData.Enrollment(EmployerA);
        await CreateAsync(enrollment, StoreTestData.Journey(enrollment));
        var stored = (await Nudges.GetJourneyAsync(EmployerA, enrollment.Id, Ct))[0];
        Assert.NotNull(await Nudges.TryUpdateAsync(stored with { Status = NudgeStatus.Sending }, Ct));

        var stale = await Nudges.TryUpdateAsync(stored with { Status = NudgeStatus.Cancelled }, Ct);

        Assert.Null(stale);
        Assert.Equal(NudgeStatus.Sending, (await Nudges.GetAsync(EmployerA, stored.Id, Ct))?.Status);
        Assert.Null(await Nudges.TryUpdateAsync(stored with { Version = "" }, Ct));
    }

    [SkippableFact]
    public async Task Concurrent_state_changes_from_one_read_let_exactly_one_win()
    {
        var enrollment = StoreTestData.Enrollment(EmployerA);
        await CreateAsync(enrollment, StoreTestData.Journey(enrollment));
        var stored = (await Nudges.GetJourneyAsync(EmployerA, enrollment.Id, Ct))[0];

        var results = await Task.WhenAll(Enumerable.Range(1, 6)
            .Select(i => Task.Run(() => Nudges.TryUpdateAsync(stored with { Status = NudgeStatus.Sending, Attempts = i }, Ct))));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner!.Attempts, (await Nudges.GetAsync(EmployerA, stored.Id, Ct))?.Attempts);
    }

    [SkippableFact]
    public async Task Replan_adds_new_nudges_and_cancels_old_ones_and_a_repeat_is_harmless()
    {
        var enrollment = StoreTestData.Enrollment(EmployerA);
        await CreateAsync(enrollment, StoreTestData.Journey(enrollment));
        var old = await Nudges.GetJourneyAsync(EmployerA, enrollment.Id, Ct);
        var toCancel = old.Where(n => n.Kind is "first-fika" or "month-3-check-in").ToList();
        var toAdd = new[]
        {
            StoreTestData.Nudge(enrollment, "first-fika", StoreTestData.Now + Duration.FromDays(21)) with { PlanRevision = 1 },
            StoreTestData.Nudge(enrollment, "month-3-check-in", StoreTestData.Now + Duration.FromDays(97), Audience.Newcomer) with { PlanRevision = 1 },
        };

        await Nudges.AddAsync(toAdd, Ct);
        foreach (var nudge in toCancel)
        {
            Assert.NotNull(await Nudges.TryUpdateAsync(nudge with { Status = NudgeStatus.Cancelled }, Ct));
        }

        await Nudges.AddAsync(toAdd.Select(n => n with { Kind = "changed-on-repeat" }).ToList(), Ct);

        var journey = await Nudges.GetJourneyAsync(EmployerA, enrollment.Id, Ct);
        Assert.Equal(6, journey.Count);
        Assert.Equal(journey.OrderBy(n => n.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal).Select(n => n.Id), journey.Select(n => n.Id));
        Assert.All(journey.Where(n => toCancel.Any(c => c.Id == n.Id)), n => Assert.Equal(NudgeStatus.Cancelled, n.Status));
        foreach (var added in toAdd)
        {
            AssertSameNudge(added, journey.Single(n => n.Id == added.Id));
        }
    }

    [SkippableFact]
    public async Task Adding_no_nudges_and_a_journey_without_nudges_are_empty()
    {
        var enrollment = await CreateAsync(StoreTestData.Enrollment(EmployerA));

        await Nudges.AddAsync([], Ct);

        Assert.Empty(await Nudges.GetJourneyAsync(EmployerA, enrollment.Id, Ct));
        Assert.Empty(await Nudges.GetJourneyAsync(EmployerA, "no-such-enrollment", Ct));
    }
}
