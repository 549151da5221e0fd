namespace Retention.Core.Application;

/// <summary>How an enrolment request ended.</summary>
public enum EnrollmentOutcome
{
    Created,

    /// <summary>The same external id with the same details was enrolled before: a replay, nothing written.</summary>
    Existing,

    /// <summary>The external id is enrolled with other details (the fields that differ are the errors); nothing written.</summary>
    Conflict,

    /// <summary>The external id belonged to a person whose personal data was erased; nothing written.</summary>
    Erased,
    Invalid,
}
