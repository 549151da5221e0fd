using Retention.Core.Enrollments;

namespace Retention.Core.Import;

/// <summary>One parsed CSV row: a draft, or the problems that kept it from being one.</summary>
public sealed record CsvEnrollmentRow(int Row, EnrollmentDraft Draft, IReadOnlyList<FieldError> Errors);
