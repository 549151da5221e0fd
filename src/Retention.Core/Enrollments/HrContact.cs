namespace Retention.Core.Enrollments;

/// <summary>The HR person told about escalations and asked to confirm retention.</summary>
public sealed record HrContact(string Name, string Email);
