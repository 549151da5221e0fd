using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Storage;

/// <summary>Enrolments, always scoped by employer. Updates are compare-and-set on <see cref="Enrollment.Version"/>.</summary>
public interface IEnrollmentStore
{
    /// <summary>
    /// Stores a new enrolment and its planned nudges. When the employer already has an enrolment with the
    /// same <see cref="Enrollment.ExternalId"/>, writes nothing and returns that one with <c>Created = false</c>.
    /// </summary>
    Task<(Enrollment Enrollment, bool Created)> CreateAsync(Enrollment enrollment, IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken);

    Task<Enrollment?> GetAsync(string employerId, string enrollmentId, CancellationToken cancellationToken);

    Task<Enrollment?> FindByExternalIdAsync(string employerId, string externalId, CancellationToken cancellationToken);

    /// <summary>Pages through an employer's enrolments, oldest first, optionally by status.</summary>
    Task<Page<Enrollment>> ListAsync(string employerId, EnrollmentStatus? status, string? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>Replaces the enrolment if its stored version still equals <paramref name="enrollment"/>.Version; returns the stored record, or null on a conflict.</summary>
    Task<Enrollment?> TryUpdateAsync(Enrollment enrollment, CancellationToken cancellationToken);
}
