using System.Diagnostics.CodeAnalysis;

namespace Retention.Core.Enrollments;

/// <summary>Either a valid <see cref="Enrollment"/> or the list of every field problem.</summary>
public sealed record EnrollmentValidation(Enrollment? Enrollment, IReadOnlyList<FieldError> Errors)
{
    [MemberNotNullWhen(true, nameof(Enrollment))]
    public bool IsValid => Enrollment is not null && Errors.Count == 0;

    public static EnrollmentValidation Valid(Enrollment enrollment) => new(enrollment, []);

    public static EnrollmentValidation Invalid(IReadOnlyList<FieldError> errors) => new(null, errors);
}
