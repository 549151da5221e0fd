using Retention.Core.Enrollments;

namespace Retention.Core.Import;

/// <summary>The report for one data row (<see cref="Row"/> counts data rows from 1, after the header).</summary>
public sealed record ImportRow(int Row, string? ExternalId, ImportRowStatus Status, string? EnrollmentId, IReadOnlyList<FieldError> Errors);
