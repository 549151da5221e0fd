using System.Globalization;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Testing.Fakes;

/// <summary>
/// An in-memory <see cref="IEnrollmentStore"/> with the real stores' rules: scoped by employer, externalId
/// dedupe per employer, compare-and-set on <see cref="Enrollment.Version"/>. Nudges of a created enrolment go
/// to the given <see cref="InMemoryNudgeStore"/>, when there is one.
/// </summary>
public sealed class InMemoryEnrollmentStore(InMemoryNudgeStore? nudgeStore = null) : IEnrollmentStore
{
    private readonly Lock gate = new();
    private readonly List<Enrollment> enrollments = [];
    private long nextVersion;

    public async Task<(Enrollment Enrollment, bool Created)> CreateAsync(Enrollment enrollment, IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        Enrollment stored;
        lock (gate)
        {
            var existing = enrollment.ExternalId is null
                ? null
                : enrollments.FirstOrDefault(e => e.EmployerId == enrollment.EmployerId && e.ExternalId == enrollment.ExternalId);
            if (existing is not null)
            {
                return (existing, false);
            }

            stored = enrollment with { Version = NewVersion() };
            enrollments.Add(stored);
        }

        if (nudgeStore is not null)
        {
            await nudgeStore.AddAsync(nudges, cancellationToken);
        }

        return (stored, true);
    }

    /// <summary>Stores (or overwrites) an enrolment directly with a fresh version; returns it as stored.</summary>
    public Enrollment Seed(Enrollment enrollment)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        lock (gate)
        {
            enrollments.RemoveAll(e => e.EmployerId == enrollment.EmployerId && e.Id == enrollment.Id);
            var stored = enrollment with { Version = NewVersion() };
            enrollments.Add(stored);
            return stored;
        }
    }

    public Task<Enrollment?> GetAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(enrollments.FirstOrDefault(e => e.EmployerId == employerId && e.Id == enrollmentId));
        }
    }

    public Task<Enrollment?> FindByExternalIdAsync(string employerId, string externalId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(enrollments.FirstOrDefault(e => e.EmployerId == employerId && e.ExternalId == externalId));
        }
    }

    /// <summary>Oldest first (creation time, then id); the cursor is the position of the next item.</summary>
    /// <exception cref="ArgumentException">The cursor is not one this store handed out.</exception>
    public Task<Page<Enrollment>> ListAsync(string employerId, EnrollmentStatus? status, string? cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var start = 0;
        if (cursor is not null && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out start)))
        {
            throw new ArgumentException("The cursor is not one this store handed out.", nameof(cursor));
        }

        lock (gate)
        {
            var matching = enrollments
                .Where(e => e.EmployerId == employerId && (status is null || e.Status == status))
                .OrderBy(e => e.CreatedAt)
                .ThenBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
            var items = matching.Skip(start).Take(limit).ToList();
            var next = start + items.Count < matching.Count ? (start + items.Count).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new Page<Enrollment>(items, next));
        }
    }

    public Task<Enrollment?> TryUpdateAsync(Enrollment enrollment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        lock (gate)
        {
            var index = enrollments.FindIndex(e => e.EmployerId == enrollment.EmployerId && e.Id == enrollment.Id);
            if (index < 0 || enrollments[index].Version != enrollment.Version)
            {
                return Task.FromResult<Enrollment?>(null);
            }

            if (enrollment.ExternalId is not null
                && enrollments.Any(e => e.EmployerId == enrollment.EmployerId && e.Id != enrollment.Id && e.ExternalId == enrollment.ExternalId))
            {
                throw new InvalidOperationException("Another enrolment of this employer holds that external id.");
            }

            var updated = enrollments[index] = enrollment with { Version = NewVersion() };
            return Task.FromResult<Enrollment?>(updated);
        }
    }

    private string NewVersion() => (++nextVersion).ToString(CultureInfo.InvariantCulture);
}
