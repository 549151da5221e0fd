using Retention.Core.Journeys;

namespace Retention.Core.Dispatch;

/// <summary>A nudge this dispatcher moved to sending: the record before the claim (to undo it) and the claimed one.</summary>
internal sealed record NudgeClaim(Nudge Before, Nudge Claimed);
