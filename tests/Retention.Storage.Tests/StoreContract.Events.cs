using NodaTime;
using Retention.Core.Events;
using Retention.Core.Storage;

namespace Retention.Storage.Tests;

public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task Check_ins_and_outcomes_read_back_in_time_order()
    {
        var enrollment = await CreateAsync(StoreTestData.Enrollment(EmployerA));
        var later = StoreTestData.CheckIn(enrollment, StoreTestData.Now + Duration.FromDays(60)) with { NudgeId = "nudge-1", Belonging = 5 };
        var earlier = StoreTestData.CheckIn(enrollment, StoreTestData.Now + Duration.FromDays(30), comment: null);
        var stayed = StoreTestData.Outcome(enrollment, OutcomeStatus.Stayed);
        var left = StoreTestData.Outcome(enrollment) with { RecordedAt = stayed.RecordedAt + Duration.FromDays(1) };

        await Events.AddCheckInAsync(later, Ct);
        await Events.AddCheckInAsync(earlier, Ct);
        await Events.AddOutcomeAsync(left, Ct);
        await Events.AddOutcomeAsync(stayed, Ct);

        Assert.Equal(new[] { earlier, later }, await Events.GetCheckInsAsync(EmployerA, enrollment.Id, Ct));
        Assert.Equal(new[] { stayed, left }, await Events.GetOutcomesAsync(EmployerA, enrollment.Id, Ct));
        Assert.Empty(await Events.GetCheckInsAsync(EmployerA, "no-such-enrollment", Ct));
        Assert.Empty(await Events.GetOutcomesAsync(EmployerA, "no-such-enrollment", Ct));
    }

    [SkippableFact]
    public async Task Adding_an_event_id_twice_stores_it_once()
    {
        var enrollment = await CreateAsync(StoreTestData.Enrollment(EmployerA));
        var checkIn = StoreTestData.CheckIn(enrollment, StoreTestData.Now);
        var outcome = StoreTestData.Outcome(enrollment);

        await Events.AddCheckInAsync(checkIn, Ct);
        await Events.AddCheckInAsync(checkIn with { Belonging = 1 }, Ct);
        await Events.AddOutcomeAsync(outcome, Ct);
        await Events.AddOutcomeAsync(outcome with { Status = OutcomeStatus.Stayed, Reason = null }, Ct);

        Assert.Equal(new[] { checkIn }, await Events.GetCheckInsAsync(EmployerA, enrollment.Id, Ct));
        Assert.Equal(new[] { outcome }, await Events.GetOutcomesAsync(EmployerA, enrollment.Id, Ct));
    }

    [SkippableFact]
    public async Task Erasure_removes_comments_of_that_enrollment_only_and_keeps_the_numbers()
    {
        var erased = await CreateAsync(StoreTestData.Enrollment(EmployerA));
        var kept = await CreateAsync(StoreTestData.Enrollment(EmployerA));
        var checkIn = StoreTestData.CheckIn(erased, StoreTestData.Now);
        var other = StoreTestData.CheckIn(kept, StoreTestData.Now);
        await Events.AddCheckInAsync(checkIn, Ct);
        await Events.AddCheckInAsync(other, Ct);
        var outcome = StoreTestData.Outcome(erased);
        await Events.AddOutcomeAsync(outcome, Ct);

        await Events.ErasePersonalDataAsync(EmployerA, erased.Id, Ct);
        await Events.ErasePersonalDataAsync(EmployerA, erased.Id, Ct);

        Assert.Equal(new[] { checkIn with { Comment = null } }, await Events.GetCheckInsAsync(EmployerA, erased.Id, Ct));
        Assert.Equal(new[] { outcome }, await Events.GetOutcomesAsync(EmployerA, erased.Id, Ct));
        Assert.Equal(new[] { other }, await Events.GetCheckInsAsync(EmployerA, kept.Id, Ct));
    }

    [SkippableFact]
    public async Task Api_keys_are_found_by_id_and_an_id_is_stored_once()
    {
        var key = new ApiKey(EmployerA, StoreTestData.NewId("rk"), "c2hhMjU2LWhhc2g", StoreTestData.Now);
        var revoked = new ApiKey(EmployerB, StoreTestData.NewId("rk"), "b3RoZXItaGFzaA", StoreTestData.Now, StoreTestData.Now + Duration.FromDays(1));

        await ApiKeys.AddAsync(key, Ct);
        await ApiKeys.AddAsync(revoked, Ct);

        Assert.Equal(key, await ApiKeys.GetAsync(key.Id, Ct));
        Assert.Equal(revoked, await ApiKeys.GetAsync(revoked.Id, Ct));
        Assert.Null(await ApiKeys.GetAsync("rk-unknown", Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ApiKeys.AddAsync(key with { EmployerId = EmployerB, Hash = "forged" }, Ct));
        Assert.Equal(key, await ApiKeys.GetAsync(key.Id, Ct));
    }
}
