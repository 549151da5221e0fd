using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Storage.Tests;

public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task Another_employer_reads_nothing_of_an_enrollment()
    {
        var enrollment = StoreTestData.Enrollment(EmployerA, externalId: "HR-tenant");
        var nudges = StoreTestData.Journey(enrollment);
        await CreateAsync(enrollment, nudges);
        await Events.AddCheckInAsync(StoreTestData.CheckIn(enrollment, StoreTestData.Now), Ct);
        await Events.AddOutcomeAsync(StoreTestData.Outcome(enrollment), Ct);

        Assert.Null(await Enrollments.GetAsync(EmployerB, enrollment.Id, Ct));
        Assert.Null(await Enrollments.FindByExternalIdAsync(EmployerB, "HR-tenant", Ct));
        Assert.Null(await Nudges.GetAsync(EmployerB, nudges[0].Id, Ct));
        Assert.Empty(await Nudges.GetJourneyAsync(EmployerB, enrollment.Id, Ct));
        Assert.Empty(await Events.GetCheckInsAsync(EmployerB, enrollment.Id, Ct));
        Assert.Empty(await Events.GetOutcomesAsync(EmployerB, enrollment.Id, Ct));
    }

    [SkippableFact]
    public async Task Another_employer_changes_nothing_of_an_enrollment()
    {
        var enrollment = StoreTestData.Enrollment(EmployerA);
        await CreateAsync(enrollment, StoreTestData.Journey(enrollment));
        var stored = await Enrollments.GetAsync(EmployerA, enrollment.Id, Ct);
        var nudge = (await Nudges.GetJourneyAsync(EmployerA, enrollment.Id, Ct))[0];
        await Events.AddCheckInAsync(StoreTestData.CheckIn(enrollment, StoreTestData.Now), Ct);

        Assert.Null(await Enrollments.TryUpdateAsync(stored! with { EmployerId = EmployerB, Municipality = "Oslo" }, Ct));
        Assert.Null(await Nudges.TryUpdateAsync(nudge with { EmployerId = EmployerB, Status = NudgeStatus.Cancelled }, Ct));
        await Events.ErasePersonalDataAsync(EmployerB, enrollment.Id, Ct);

        AssertSameEnrollment(stored, await Enrollments.GetAsync(EmployerA, enrollment.Id, Ct));
        Assert.Equal(NudgeStatus.Scheduled, (await Nudges.GetAsync(EmployerA, nudge.Id, Ct))?.Status);
        Assert.NotNull(Assert.Single(await Events.GetCheckInsAsync(EmployerA, enrollment.Id, Ct)).Comment);
    }

    [SkippableFact]
    public async Task The_same_external_id_is_independent_per_employer()
    {
        var a = StoreTestData.Enrollment(EmployerA, externalId: "HR-1");
        var b = StoreTestData.Enrollment(EmployerB, externalId: "HR-1");

        await CreateAsync(a);
        await CreateAsync(b);

        Assert.Equal(a.Id, (await Enrollments.FindByExternalIdAsync(EmployerA, "HR-1", Ct))?.Id);
        Assert.Equal(b.Id, (await Enrollments.FindByExternalIdAsync(EmployerB, "HR-1", Ct))?.Id);
    }

    [SkippableFact]
    public async Task Another_employer_lists_none_of_the_enrollments()
    {
        Skip.If(QueriesUnavailableReason is not null, QueriesUnavailableReason);
        await CreateAsync(StoreTestData.Enrollment(EmployerA));
        await CreateAsync(StoreTestData.Enrollment(EmployerA) with { Status = EnrollmentStatus.Paused });

        Assert.Empty((await Enrollments.ListAsync(EmployerB, null, null, 50, Ct)).Items);
        Assert.Empty((await Enrollments.ListAsync(EmployerB, EnrollmentStatus.Paused, null, 50, Ct)).Items);
        Assert.Equal(2, (await Enrollments.ListAsync(EmployerA, null, null, 50, Ct)).Items.Count);
    }
}
