namespace Retention.Core.Application;

/// <summary>How a command on an existing enrolment ended; the HTTP layer maps it to a status code.</summary>
public enum CommandStatus
{
    Done,
    NotFound,
    Invalid,

    /// <summary>The enrolment is in a state that does not allow the command (e.g. resume a cancelled one).</summary>
    Conflict,
}
