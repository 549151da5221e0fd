namespace Retention.Core.Enrollments;

/// <summary>One problem with one input field: <paramref name="Field"/> is the camelCase JSON path, e.g. <c>newcomer.email</c>.</summary>
public sealed record FieldError(string Field, string Reason);
