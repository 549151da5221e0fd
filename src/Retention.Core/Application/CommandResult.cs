using Retention.Core.Enrollments;

namespace Retention.Core.Application;

/// <summary>The result of a command: a status, the value on success, and field errors or a reason otherwise.</summary>
public sealed record CommandResult<T>(CommandStatus Status, T? Value, IReadOnlyList<FieldError> Errors, string? Reason = null)
{
    public static CommandResult<T> Ok(T value) => new(CommandStatus.Done, value, []);

    public static CommandResult<T> NotFound() => new(CommandStatus.NotFound, default, []);

    public static CommandResult<T> Invalid(IReadOnlyList<FieldError> errors) => new(CommandStatus.Invalid, default, errors);

    public static CommandResult<T> Invalid(string field, string reason) => new(CommandStatus.Invalid, default, [new FieldError(field, reason)]);

    public static CommandResult<T> Conflict(string reason) => new(CommandStatus.Conflict, default, [], reason);
}
