using Retention.Core.Enrollments;

namespace Retention.Core.Application;

/// <summary>What a command decides on the current enrolment: an answer without a change, or the changed enrolment to save and re-plan.</summary>
public sealed record EnrollmentDecision
{
    private EnrollmentDecision(Enrollment? changed, CommandResult<Enrollment>? answer)
    {
        Changed = changed;
        Answer = answer;
    }

    public Enrollment? Changed { get; }

    public CommandResult<Enrollment>? Answer { get; }

    /// <summary>Save this (the same record re-plans only) and bring the journey in line with it.</summary>
    public static EnrollmentDecision Change(Enrollment changed) => new(changed, null);

    /// <summary>Nothing to write: answer the caller with this (an error, or the enrolment as it is).</summary>
    public static EnrollmentDecision Reply(CommandResult<Enrollment> answer) => new(null, answer);
}
