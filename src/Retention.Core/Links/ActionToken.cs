using NodaTime;

namespace Retention.Core.Links;

/// <summary>
/// The signed content of a one-click link: ids and an action only, never personal data.
/// <see cref="Value"/> is the 1..5 answer for check-in actions, 0 otherwise.
/// </summary>
public sealed record ActionToken(string EmployerId, string NudgeId, LinkAction Action, int Value, Instant ExpiresAt);
