using Retention.Core.Journeys;
using Retention.Core.Storage;
using Retention.Core.Unsubscribes;

namespace Retention.Storage.Tests;

public abstract partial class StoreContract
{
    protected abstract IUnsubscribeStore Unsubscribes { get; }

    [SkippableFact]
    public async Task An_unsubscribe_is_stored_once_per_employer_and_address()
    {
        var first = Unsubscribe(EmployerA, "key-1", "enr-1");

        var (stored, created) = await Unsubscribes.AddAsync(first, Ct);
        var (again, createdAgain) = await Unsubscribes.AddAsync(first with { At = first.At + NodaTime.Duration.FromDays(1), HeldEnrollmentIds = ["enr-2"] }, Ct);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.NotEqual("", stored.Version);
        Assert.Equal(first.At, again.At);
        Assert.Equal(["enr-1"], again.HeldEnrollmentIds);
        var read = await Unsubscribes.GetAsync(EmployerA, "key-1", Ct);
        Assert.Equal((first.At, first.Audience, stored.Version), (read!.At, read.Audience, read.Version));
        Assert.Null(await Unsubscribes.GetAsync(EmployerB, "key-1", Ct));
        Assert.Null(await Unsubscribes.GetAsync(EmployerA, "key-2", Ct));
    }

    [SkippableFact]
    public async Task Unsubscribe_changes_are_compare_and_set()
    {
        var (stored, _) = await Unsubscribes.AddAsync(Unsubscribe(EmployerA, "key-cas", "enr-1"), Ct);

        var updated = await Unsubscribes.TryUpdateAsync(stored with { HeldEnrollmentIds = ["enr-1", "enr-2"] }, Ct);
        var stale = await Unsubscribes.TryUpdateAsync(stored with { HeldEnrollmentIds = ["enr-3"] }, Ct);

        Assert.NotNull(updated);
        Assert.Null(stale);
        Assert.Equal(["enr-1", "enr-2"], (await Unsubscribes.GetAsync(EmployerA, "key-cas", Ct))!.HeldEnrollmentIds);
        Assert.False(await Unsubscribes.TryRemoveAsync(stored, Ct));
        Assert.NotNull(await Unsubscribes.GetAsync(EmployerA, "key-cas", Ct));
        Assert.True(await Unsubscribes.TryRemoveAsync(updated!, Ct));
        Assert.Null(await Unsubscribes.GetAsync(EmployerA, "key-cas", Ct));
        Assert.False(await Unsubscribes.TryRemoveAsync(updated!, Ct));
        Assert.Null(await Unsubscribes.TryUpdateAsync(updated!, Ct));
    }

    [SkippableFact]
    public async Task Concurrent_unsubscribes_of_one_address_store_exactly_one()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Unsubscribes.AddAsync(Unsubscribe(EmployerA, "key-race", "enr-" + i), Ct)));

        Assert.Single(attempts, a => a.Created);
        var winner = attempts.Single(a => a.Created).Unsubscribe;
        Assert.All(attempts, a => Assert.Equal(winner.HeldEnrollmentIds, a.Unsubscribe.HeldEnrollmentIds));
    }

    private static Unsubscribe Unsubscribe(string employerId, string key, string enrollmentId) => new()
    {
        EmployerId = employerId,
        AddressKey = key,
        At = StoreTestData.Now,
        Audience = Audience.Ildsjel,
        HeldEnrollmentIds = [enrollmentId],
    };
}
