namespace Retention.Core.Analytics;

/// <summary>
/// The employer's nudges the dispatcher gave up on (status <c>Failed</c>): how many, and which enrolments they belong
/// to (ids only, like the at-risk list), so HR can open those journeys and reach the people another way.
/// </summary>
public sealed record FailedNudgeSummary(int Nudges, IReadOnlyList<FailedNudgeEnrollment> Enrollments)
{
    /// <summary>How many newcomers the failures concern: one per enrolment listed.</summary>
    public int Newcomers => Enrollments.Count;
}
