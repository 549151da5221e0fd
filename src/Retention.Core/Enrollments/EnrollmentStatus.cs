namespace Retention.Core.Enrollments;

/// <summary>Where an enrolment stands. Only <see cref="Active"/> enrolments get nudges.</summary>
public enum EnrollmentStatus
{
    Active,
    Paused,
    Completed,
    Left,
    Cancelled,
}
