using Retention.Core.Links;

namespace Retention.Core.Application;

/// <summary>The result of looking at or using a one-click link. <see cref="Kind"/> is the nudge kind, when known.</summary>
public sealed record LinkActionResult(LinkOutcome Outcome, LinkAction? Action = null, string? Kind = null, int Value = 0);
