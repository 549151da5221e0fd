using System.Text.Json.Serialization;
using Retention.Core.Enrollments;

namespace Retention.Core.Application;

/// <summary>
/// The fields HR may change after enrolment: every person's contact details (newcomer: name, e-mail, language, time
/// zone; ildsjel: name, e-mail, language; HR contact: name, e-mail, or added or removed), the dates, municipality,
/// family, interests and consent. Null means "leave as it is"; a person or the family given in part changes only
/// the fields given (<see cref="EnrollmentDraftExtensions.Apply"/>). The result is validated like a new enrolment.
/// </summary>
public sealed record EnrollmentPatch
{
    public PersonDraft? Newcomer { get; init; }
    public PersonDraft? Ildsjel { get; init; }
    public PersonDraft? HrContact { get; init; }

    /// <summary>Removes the HR contact (the API's <c>"hrContact": null</c>); wins over <see cref="HrContact"/>.</summary>
    [JsonIgnore]
    public bool RemoveHrContact { get; init; }

    public string? ArrivalDate { get; init; }
    public string? StartDate { get; init; }
    public string? Municipality { get; init; }
    public FamilyDraft? Family { get; init; }

    /// <summary>The whole new list (an empty list clears it).</summary>
    public IReadOnlyList<string>? Interests { get; init; }

    /// <summary>Replaces the consent whole: <see cref="ConsentDraft.NewcomerNudges"/> must then be given, true or false.</summary>
    public ConsentDraft? Consent { get; init; }
}
