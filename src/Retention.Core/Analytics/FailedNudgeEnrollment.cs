namespace Retention.Core.Analytics;

/// <summary>One enrolment with nudges that could not be delivered, and how many.</summary>
public sealed record FailedNudgeEnrollment(string EnrollmentId, int Nudges);
