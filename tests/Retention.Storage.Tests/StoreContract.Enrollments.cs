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
    public async Task List_refuses_a_cursor_it_did_not_hand_out_and_a_limit_below_one()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Enrollments.ListAsync(EmployerA, null, "not-a-cursor!", 10, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Enrollments.ListAsync(EmployerA, null, null, 0, Ct));
    }
}
