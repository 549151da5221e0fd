using Retention.Core.Enrollments;

namespace Retention.Core.Application;

/// <summary>
/// The fields HR may change after enrolment (api.md: arrival/start date, ildsjel, municipality, family).
/// Null means "leave as it is".
/// </summary>
public sealed record EnrollmentPatch
{
    public string? ArrivalDate { get; init; }
    public string? StartDate { get; init; }
    public PersonDraft? Ildsjel { get; init; }
    public string? Municipality { get; init; }
    public FamilyDraft? Family { get; init; }
}
