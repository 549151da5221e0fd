using System.Globalization;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Testing.Fakes;

/// <summary>
/// An in-memory <see cref="INudgeStore"/> that behaves like the real ones: scoped by employer, every update a
/// compare-and-set on <see cref="Nudge.Version"/> (a new version on success, null on a conflict), adds idempotent.
/// Tests can inject a concurrent writer with <see cref="ChangeBeforeNextUpdate"/> and a process crash with <see cref="CrashBefore"/>.
/// </summary>
public sealed class InMemoryNudgeStore : INudgeStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string EmployerId, string Id), Nudge> nudges = [];
    private readonly Dictionary<string, (Func<Nudge, Nudge> Change, int Times)> interference = new(StringComparer.Ordinal);
    private long nextVersion;

    /// <summary>Successful updates so far (a test can see that nothing was written).</summary>
    public int UpdateCount { get; private set; }

    /// <summary>Conflicts returned so far.</summary>
    public int ConflictCount { get; private set; }

    /// <summary>
    /// When it answers true for an update, the update is not written and <see cref="TryUpdateAsync"/> throws
    /// <see cref="SimulatedCrashException"/>: the process "died" just before that write (once; then cleared).
    /// </summary>
    public Func<Nudge, bool>? CrashBefore { get; set; }

    /// <summary>Every stored nudge, ordered by due time then id.</summary>
    public IReadOnlyList<Nudge> All
    {
        get
        {
            lock (gate)
            {
                return Ordered(nudges.Values);
            }
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> calls of <see cref="TryUpdateAsync"/> for this nudge first let "someone
    /// else" apply <paramref name="change"/> (stored with a new version), so each of them meets a real conflict.
    /// </summary>
    public void ChangeBeforeNextUpdate(string nudgeId, Func<Nudge, Nudge> change, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (gate)
        {
            interference[nudgeId] = (change, times);
        }
    }

    /// <summary>Stores (or overwrites) nudges directly, with fresh versions; returns them as stored.</summary>
    public IReadOnlyList<Nudge> Seed(params Nudge[] seeded)
    {
        lock (gate)
        {
            return seeded.Select(n => nudges[(n.EmployerId, n.Id)] = n with { Version = NewVersion() }).ToList();
        }
    }

    /// <summary>The stored nudge (any employer), or throws: a test helper.</summary>
    public Nudge Get(string employerId, string nudgeId)
    {
        lock (gate)
        {
            return nudges[(employerId, nudgeId)];
        }
    }

    public Task<Nudge?> GetAsync(string employerId, string nudgeId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(nudges.GetValueOrDefault((employerId, nudgeId)));
        }
    }

    public Task<IReadOnlyList<Nudge>> GetJourneyAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Nudge>>(Ordered(nudges.Values.Where(n => n.EmployerId == employerId && n.EnrollmentId == enrollmentId)));
        }
    }

    public Task AddAsync(IReadOnlyList<Nudge> added, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(added);
        lock (gate)
        {
            foreach (var nudge in added)
            {
                nudges.TryAdd((nudge.EmployerId, nudge.Id), nudge with { Version = NewVersion() });
            }
        }

        return Task.CompletedTask;
    }

    public Task<Nudge?> TryUpdateAsync(Nudge nudge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (CrashBefore is { } crash && crash(nudge))
            {
                CrashBefore = null;
                throw new SimulatedCrashException($"crashed before writing nudge {nudge.Id} as {nudge.Status}");
            }

            if (!nudges.TryGetValue((nudge.EmployerId, nudge.Id), out var stored))
            {
                ConflictCount++;
                return Task.FromResult<Nudge?>(null);
            }

            if (interference.Remove(nudge.Id, out var pending))
            {
                if (pending.Times > 1)
                {
                    interference[nudge.Id] = (pending.Change, pending.Times - 1);
                }

                stored = nudges[(nudge.EmployerId, nudge.Id)] = pending.Change(stored) with { Version = NewVersion() };
            }

            if (stored.Version != nudge.Version)
            {
                ConflictCount++;
                return Task.FromResult<Nudge?>(null);
            }

            UpdateCount++;
            var updated = nudges[(nudge.EmployerId, nudge.Id)] = nudge with { Version = NewVersion() };
            return Task.FromResult<Nudge?>(updated);
        }
    }

    private static List<Nudge> Ordered(IEnumerable<Nudge> items) =>
        items.OrderBy(n => n.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();

    private string NewVersion() => (++nextVersion).ToString(CultureInfo.InvariantCulture);
}
