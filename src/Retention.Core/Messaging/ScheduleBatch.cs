using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Core.Messaging;

/// <summary>
/// Nudges scheduled in one <c>ScheduleMessagesAsync</c> call: that call takes one enqueue time for all its
/// messages, so a batch holds nudges that fire at the same instant, and its messages in the same order.
/// </summary>
public sealed record ScheduleBatch(Instant EnqueueAt, IReadOnlyList<Nudge> Nudges, IReadOnlyList<NudgeMessage> Messages);
