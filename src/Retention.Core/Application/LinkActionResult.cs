using Retention.Core.Links;

namespace Retention.Core.Application;

/// <summary>
/// The result of looking at or using a one-click link. <see cref="Kind"/> is the nudge kind, when known;
/// <see cref="ResubscribeToken"/> is offered after an unsubscribe, so the person can take it back.
/// </summary>
public sealed record LinkActionResult(LinkOutcome Outcome, LinkAction? Action = null, string? Kind = null, int Value = 0, string? ResubscribeToken = null);
