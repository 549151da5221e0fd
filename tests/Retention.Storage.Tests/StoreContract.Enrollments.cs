using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Storage.Tests;

public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task Create_then_get_returns_the_enrollment_with_a_version()
    {
        var enrollment = StoreTestData.Enrollment(EmployerA, externalId: "HR-4711");

        var (stored, created) = await Enrollments.CreateAsync(enrollment, StoreTestData.Journey(enrollment), Ct);

        Assert.True(created);
        Assert.NotEqual("", stored.Version);
        var read = await Enrollments.GetAsync(EmployerA, enrollment.Id, Ct);
        AssertSameEnrollment(enrollment, read);
        Assert.Equal(stored.Version, read!.Version);
    }

    [SkippableFact]
    public async Task Get_of_an_unknown_id_returns_null()
    {
        Assert.Null(await Enrollments.GetAsync(EmployerA, "no-such-enrollment", Ct));
        Assert.Null(await Enrollments.FindByExternalIdAsync(EmployerA, "no-such-external-id", Ct));
    }

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
    public async Task Update_with_the_current_version_stores_the_change_and_a_new_version()
    {
        var stored = await CreateAsync(StoreTestData.Enrollment(EmployerA));
        var changed = stored with { Municipality = "Stord", Status = EnrollmentStatus.Paused, StatusChangedAt = StoreTestData.Now, PlanRevision = 1 };

        var updated = await Enrollments.TryUpdateAsync(changed, Ct);

        Assert.NotNull(updated);
        Assert.NotEqual(stored.Version, updated.Version);
        var read = await Enrollments.GetAsync(EmployerA, stored.Id, Ct);
        AssertSameEnrollment(changed, read);
        Assert.Equal(updated.Version, read!.Version);
    }

    [SkippableFact]
    public async Task Update_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var stored = await CreateAsync(StoreTestData.Enrollment(EmployerA));
        var first = await Enrollments.TryUpdateAsync(stored with { Municipality = "Stord" }, Ct);
        Assert.NotNull(first);

        var second = await Enrollments.TryUpdateAsync(stored with { Municipality = "Bergen" }, Ct);

        Assert.Null(second);
        Assert.Equal("Stord", (await Enrollments.GetAsync(EmployerA, stored.Id, Ct))?.Municipality);
        Assert.Null(await Enrollments.TryUpdateAsync(stored with { Version = "" }, Ct));
        Assert.Null(await Enrollments.TryUpdateAsync(StoreTestData.Enrollment(EmployerA) with { Version = first.Version }, Ct));
    }

    [SkippableFact]
    public async Task Concurrent_updates_from_one_read_let_exactly_one_win()
    {
        var stored = await CreateAsync(StoreTestData.Enrollment(EmployerA));

        var results = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => Enrollments.TryUpdateAsync(stored with { Municipality = "Town " + i }, Ct))));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner!.Municipality, (await Enrollments.GetAsync(EmployerA, stored.Id, Ct))?.Municipality);
    }

    [SkippableFact]
    public async Task Erased_enrollment_rewritten_with_placeholders_keeps_no_personal_data()
    {
        var stored = await CreateAsync(StoreTestData.Enrollment(EmployerA, externalId: "HR-erase"));
        var erased = stored with
        {
            Newcomer = stored.Newcomer with { Name = "(erased)", Email = "erased@invalid" },
            Ildsjel = stored.Ildsjel with { Name = "(erased)", Email = "erased@invalid" },
            Interests = [],
            Erased = true,
        };

        var updated = await Enrollments.TryUpdateAsync(erased, Ct);

        Assert.NotNull(updated);
        var read = await Enrollments.GetAsync(EmployerA, stored.Id, Ct);
        Assert.True(read!.Erased);
        Assert.Equal("(erased)", read.Newcomer.Name);
        Assert.Empty(read.Interests);
    }

    [SkippableFact]
    public async Task List_pages_oldest_first_and_filters_by_status()
    {
        Skip.If(QueriesUnavailableReason is not null, QueriesUnavailableReason);
        var created = new List<Enrollment>();
        for (var i = 0; i < 5; i++)
        {
            var e = StoreTestData.Enrollment(EmployerA, createdAt: StoreTestData.Now + Duration.FromMinutes(5 - i));
            created.Add(await CreateAsync(i % 2 == 0 ? e : e with { Status = EnrollmentStatus.Paused }));
        }

        var expected = created.OrderBy(e => e.CreatedAt).Select(e => e.Id).ToList();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Enrollments.ListAsync(EmployerA, null, cursor, 2, Ct);
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(page.Items.Select(e => e.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
        var paused = await Enrollments.ListAsync(EmployerA, EnrollmentStatus.Paused, null, 10, Ct);
        Assert.Equal(created.Where(e => e.Status == EnrollmentStatus.Paused).OrderBy(e => e.CreatedAt).Select(e => e.Id), paused.Items.Select(e => e.Id));
        Assert.Null(paused.NextCursor);
        Assert.All(paused.Items, e => Assert.NotEqual("", e.Version));
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

    [SkippableFact]
    public async Task List_refuses_a_cursor_it_did_not_hand_out_and_a_limit_below_one()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Enrollments.ListAsync(EmployerA, null, "not-a-cursor!", 10, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Enrollments.ListAsync(EmployerA, null, null, 0, Ct));
    }
}
