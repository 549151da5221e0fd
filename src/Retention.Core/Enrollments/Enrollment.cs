using NodaTime;

namespace Retention.Core.Enrollments;

/// <summary>
/// A newcomer enrolled by an employer together with their ildsjel. Always read and written within
/// one employer (<see cref="EmployerId"/> is the partition).
/// </summary>
public sealed record Enrollment
{
    public required string EmployerId { get; init; }
    public required string Id { get; init; }
    public string? ExternalId { get; init; }
    public required Newcomer Newcomer { get; init; }
    public required Ildsjel Ildsjel { get; init; }
    public HrContact? HrContact { get; init; }
    public required LocalDate ArrivalDate { get; init; }
    public required LocalDate StartDate { get; init; }
    public required string Municipality { get; init; }
    public Family Family { get; init; } = Family.None;
    public IReadOnlyList<string> Interests { get; init; } = [];
    public required Consent Consent { get; init; }
    public EnrollmentStatus Status { get; init; } = EnrollmentStatus.Active;
    public required Instant CreatedAt { get; init; }
    public Instant? StatusChangedAt { get; init; }

    /// <summary>Bumped on every re-plan; part of each scheduled message id so a re-plan never collides with the old plan.</summary>
    public int PlanRevision { get; init; }

    /// <summary>
    /// Set while a change re-plans the journey (<see cref="Application.EnrollmentChanges"/>): re-plans of one enrolment
    /// are serialised by it, in every store, because it is written with the change in one compare-and-set.
    /// </summary>
    public JourneyLease? JourneyLease { get; init; }

    /// <summary>True once personal data has been erased; names and addresses are then placeholders.</summary>
    public bool Erased { get; init; }

    /// <summary>Row version / ETag, owned by the store. Empty for a record not yet stored.</summary>
    public string Version { get; init; } = "";
}
