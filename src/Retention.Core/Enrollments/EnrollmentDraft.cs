namespace Retention.Core.Enrollments;

/// <summary>
/// An enrolment as submitted (API body or CSV row), before validation. Dates, language and time zone
/// are still text so that validation can report every problem at once, field by field.
/// </summary>
public sealed record EnrollmentDraft
{
    public string? ExternalId { get; init; }
    public PersonDraft? Newcomer { get; init; }
    public PersonDraft? Ildsjel { get; init; }
    public PersonDraft? HrContact { get; init; }
    public string? ArrivalDate { get; init; }
    public string? StartDate { get; init; }
    public string? Municipality { get; init; }
    public FamilyDraft? Family { get; init; }
    public IReadOnlyList<string>? Interests { get; init; }
    public ConsentDraft? Consent { get; init; }
}
