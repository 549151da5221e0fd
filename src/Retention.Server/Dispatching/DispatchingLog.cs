namespace Retention.Server.Dispatching;

/// <summary>Due-queue dispatcher log events: ids and counts only.</summary>
internal static partial class DispatchingLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Due-queue dispatcher started (poll every {PollInterval}, batch {BatchSize}, parallelism {MaxParallelism})")]
    public static partial void Started(ILogger logger, TimeSpan pollInterval, int batchSize, int maxParallelism);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Due-queue dispatcher stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "Claiming due nudges failed; trying again after the poll interval")]
    public static partial void ClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Error, Message = "Dispatching nudge {NudgeId} of employer {EmployerId} threw; its claim is released and it will be tried again")]
    public static partial void DispatchThrew(ILogger logger, Exception exception, string nudgeId, string employerId);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "Releasing the claim on nudge {NudgeId} of employer {EmployerId} failed; it frees itself when the lease expires")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string nudgeId, string employerId);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Debug, Message = "Dispatched nudge {NudgeId} of employer {EmployerId}: {Result}")]
    public static partial void Dispatched(ILogger logger, string nudgeId, string employerId, Retention.Core.Dispatch.DispatchResult result);
}
