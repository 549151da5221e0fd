using NodaTime;

namespace Retention.Core.Dispatch;

/// <summary>The result of a dispatch, with the time of the next attempt when one is due.</summary>
public sealed record DispatchOutcome(DispatchResult Result, Instant? RetryAt = null, string? Detail = null);
