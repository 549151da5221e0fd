using Microsoft.Extensions.Logging;

namespace Retention.Email;

/// <summary>E-mail log events: file names (hashed keys), status codes and exception types, never addresses.</summary>
internal static partial class EmailLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Pickup file {FileName} already exists; repeat send answered as sent")]
    public static partial void PickupRepeat(ILogger logger, string fileName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Writing pickup file {FileName} failed with {ExceptionType}")]
    public static partial void PickupWriteFailed(ILogger logger, string exceptionType, string fileName);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Opened SMTP connection to {Host}:{Port}")]
    public static partial void SmtpConnected(ILogger logger, string host, int port);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "SMTP send failed: {Detail} ({Result})")]
    public static partial void SmtpFailed(ILogger logger, string detail, string result);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Idle SMTP connection failed its NOOP check ({ExceptionType}); reconnecting")]
    public static partial void SmtpStale(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug, Message = "Send rate limit reached; retry after {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, TimeSpan retryAfter);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Erasure removed {Count} pickup files")]
    public static partial void PickupErased(ILogger logger, int count);
}
