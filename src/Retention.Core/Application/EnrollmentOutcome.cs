namespace Retention.Core.Application;

/// <summary>How an enrolment request ended.</summary>
public enum EnrollmentOutcome
{
    Created,

    /// <summary>An enrolment with the same external id already existed; nothing was written.</summary>
    Existing,
    Invalid,
}
