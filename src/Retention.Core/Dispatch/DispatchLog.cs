using Microsoft.Extensions.Logging;
using NodaTime;

namespace Retention.Core.Dispatch;

/// <summary>Dispatch log events: ids, statuses and reasons only, never names or addresses.</summary>
internal static partial class DispatchLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Sent nudge {NudgeId} of employer {EmployerId} in a message of {GroupSize} nudge(s)")]
    public static partial void Sent(ILogger logger, string nudgeId, string employerId, int groupSize);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Skipped nudge {NudgeId} of employer {EmployerId}: {Reason}")]
    public static partial void Skipped(ILogger logger, string nudgeId, string employerId, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Nudge {NudgeId} of employer {EmployerId} needs no dispatch: {Reason}")]
    public static partial void Duplicate(ILogger logger, string nudgeId, string employerId, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Send of nudge {NudgeId} of employer {EmployerId} throttled; next attempt at {RetryAt}")]
    public static partial void Throttled(ILogger logger, string nudgeId, string employerId, NodaTime.Instant retryAt);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Send of nudge {NudgeId} of employer {EmployerId} failed (attempt {Attempt}): {Error}; next attempt at {RetryAt}")]
    public static partial void RetryLater(ILogger logger, string nudgeId, string employerId, int attempt, string error, NodaTime.Instant retryAt);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Nudge {NudgeId} of employer {EmployerId} failed for good: {Error}")]
    public static partial void Failed(ILogger logger, string nudgeId, string employerId, string error);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Debug, Message = "Concurrent change of nudge {NudgeId} of employer {EmployerId}; deciding again (round {Round})")]
    public static partial void Conflict(ILogger logger, string nudgeId, string employerId, int round);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Error, Message = "Rendering nudge {NudgeId} of employer {EmployerId} threw")]
    public static partial void RenderFailed(ILogger logger, Exception exception, string nudgeId, string employerId);

    // The exception itself is not logged: a transport's message may quote an address.
    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "E-mail sender threw {ExceptionType} for nudge {NudgeId} of employer {EmployerId}; treated as transient")]
    public static partial void SenderThrew(ILogger logger, string exceptionType, string nudgeId, string employerId);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Could not record the result for nudge {NudgeId} of employer {EmployerId} after {Rounds} conflicts; its lease will expire and it will be re-dispatched")]
    public static partial void SettleGaveUp(ILogger logger, string nudgeId, string employerId, int rounds);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Nudge {NudgeId} of employer {EmployerId} is outside its recipient's sending window; deferred to {OpensAt}")]
    public static partial void Deferred(ILogger logger, string nudgeId, string employerId, Instant opensAt);
}
