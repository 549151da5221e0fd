using NodaTime;
using Retention.Core.Scheduling;
using Retention.Storage.Sqlite;

namespace Retention.Storage.Tests;

/// <summary>Two dispatchers claiming from one SQLite file at the same time.</summary>
public sealed class SqliteDueNudgeQueueConcurrencyTests : IDisposable
{
    private static readonly Instant Now = StoreTestData.Now;
    private readonly SqliteTestFile _file = new();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Two_concurrent_claimers_on_one_file_never_get_the_same_nudge()
    {
        var database = _file.Open();
        var (enrollment, _) = await new SqliteEnrollmentStore(database).CreateAsync(StoreTestData.Enrollment(StoreTestData.NewId("acme")), [], Ct);
        var all = Enumerable.Range(0, 600).Select(i => StoreTestData.Nudge(enrollment, "n" + i, Now - Duration.FromSeconds(i))).ToList();
        await new SqliteNudgeStore(database).AddAsync(all, Ct);
        // Two database objects: two connection sets, as two dispatchers (or processes) would have.
        var claimers = new[] { new SqliteDueNudgeQueue(_file.Open()), new SqliteDueNudgeQueue(_file.Open()) };
        // Each claims once, then waits for the other's first claim, so the two really race from there on.
        var firstClaims = new CountdownEvent(claimers.Length);
        var running = claimers.Select(q => Task.Run(async () =>
        {
            var mine = new List<DueNudge>(await q.ClaimDueAsync(Now, Duration.FromHours(1), 3, Ct));
            firstClaims.Signal();
            firstClaims.Wait(TimeSpan.FromSeconds(30));
            while (await q.ClaimDueAsync(Now, Duration.FromHours(1), 3, Ct) is { Count: > 0 } batch)
            {
                mine.AddRange(batch);
            }

            return mine;
        })).ToList();
        var claims = await Task.WhenAll(running);

        var ids = claims.SelectMany(c => c).Select(c => c.NudgeId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(all.Select(n => n.Id).Order(), ids.Order());
    }

    public void Dispose() => _file.Dispose();
}
