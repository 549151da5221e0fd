namespace Retention.Storage.Tests;

public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task Create_with_a_known_external_id_returns_the_stored_one_and_writes_nothing()
    {
        var first = StoreTestData.Enrollment(EmployerA, externalId: "HR-1");
        await CreateAsync(first, StoreTestData.Journey(first));
        var second = StoreTestData.Enrollment(EmployerA, externalId: "HR-1") with { Municipality = "Bergen" };

        var (returned, created) = await Enrollments.CreateAsync(second, StoreTestData.Journey(second), Ct);

        Assert.False(created);
        Assert.Equal(first.Id, returned.Id);
        AssertSameEnrollment(first, returned);
        Assert.Null(await Enrollments.GetAsync(EmployerA, second.Id, Ct));
        Assert.Empty(await Nudges.GetJourneyAsync(EmployerA, second.Id, Ct));
    }

    [SkippableFact]
    public async Task Concurrent_creates_with_one_external_id_create_exactly_one()
    {
        var attempts = Enumerable.Range(0, 6).Select(_ => StoreTestData.Enrollment(EmployerA, externalId: "HR-race")).ToList();

        var results = await Task.WhenAll(attempts.Select(e => Task.Run(() => Enrollments.CreateAsync(e, StoreTestData.Journey(e), Ct))));

        var winner = Assert.Single(results, r => r.Created).Enrollment;
        Assert.All(results, r => Assert.Equal(winner.Id, r.Enrollment.Id));
        Assert.Equal(winner.Id, (await Enrollments.FindByExternalIdAsync(EmployerA, "HR-race", Ct))?.Id);
        foreach (var loser in attempts.Where(a => a.Id != winner.Id))
        {
            Assert.Null(await Enrollments.GetAsync(EmployerA, loser.Id, Ct));
        }
    }

    [SkippableFact]
    public async Task Find_by_external_id_returns_the_enrollment()
    {
        var enrollment = await CreateAsync(StoreTestData.Enrollment(EmployerA, externalId: "HR/42 ?#x"));

        var found = await Enrollments.FindByExternalIdAsync(EmployerA, "HR/42 ?#x", Ct);

        AssertSameEnrollment(enrollment, found);
        Assert.Equal(enrollment.Version, found!.Version);
    }

    [SkippableFact]
    public async Task Update_that_changes_the_external_id_moves_the_dedupe_to_the_new_id()
    {
        var stored = await CreateAsync(StoreTestData.Enrollment(EmployerA, externalId: "HR-old"));

        var updated = await Enrollments.TryUpdateAsync(stored with { ExternalId = "HR-new" }, Ct);

        Assert.NotNull(updated);
        Assert.Equal(stored.Id, (await Enrollments.FindByExternalIdAsync(EmployerA, "HR-new", Ct))?.Id);
        Assert.Null(await Enrollments.FindByExternalIdAsync(EmployerA, "HR-old", Ct));
        var reused = StoreTestData.Enrollment(EmployerA, externalId: "HR-old");
        Assert.True((await Enrollments.CreateAsync(reused, [], Ct)).Created);
        var duplicate = StoreTestData.Enrollment(EmployerA, externalId: "HR-new");
        Assert.Equal(stored.Id, (await Enrollments.CreateAsync(duplicate, [], Ct)).Enrollment.Id);
    }

    [SkippableFact]
    public async Task Update_to_an_external_id_another_enrollment_holds_is_refused_and_changes_nothing()
    {
        var holder = await CreateAsync(StoreTestData.Enrollment(EmployerA, externalId: "HR-taken"));
        var other = await CreateAsync(StoreTestData.Enrollment(EmployerA, externalId: "HR-mine"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Enrollments.TryUpdateAsync(other with { ExternalId = "HR-taken" }, Ct));

        Assert.Equal(holder.Id, (await Enrollments.FindByExternalIdAsync(EmployerA, "HR-taken", Ct))?.Id);
        Assert.Equal(other.Id, (await Enrollments.FindByExternalIdAsync(EmployerA, "HR-mine", Ct))?.Id);
        Assert.Equal(other.Version, (await Enrollments.GetAsync(EmployerA, other.Id, Ct))?.Version);
    }
}
