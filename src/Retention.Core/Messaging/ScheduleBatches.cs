using System.Text;
using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Core.Messaging;

/// <summary>
/// Splits a journey's nudges into Service Bus schedule calls: grouped by fire time (one enqueue time per call),
/// then cut by <see cref="ScheduleBatchLimits"/> on count and estimated size. Deterministic: batches in fire-time
/// order, nudges in their input order within a time.
/// </summary>
public static class ScheduleBatches
{
    /// <summary>When a nudge fires: its next attempt if one is set (a retry), otherwise its due time.</summary>
    public static Instant FireAt(Nudge nudge)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        return nudge.NextAttemptAt ?? nudge.DueAt;
    }

    /// <summary>Estimated wire size of a message: body, message id, application properties and a fixed overhead.</summary>
    public static int EstimatedSize(NudgeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var properties = message.ApplicationProperties.Sum(p => Encoding.UTF8.GetByteCount(p.Key) + (p.Value is string s ? Encoding.UTF8.GetByteCount(s) : 8));
        return message.ToUtf8Json().Length + Encoding.UTF8.GetByteCount(message.MessageId) + properties + ScheduleBatchLimits.PerMessageOverheadBytes;
    }

    public static IReadOnlyList<ScheduleBatch> Split(IReadOnlyList<Nudge> nudges, ScheduleBatchLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(nudges);
        limits ??= ScheduleBatchLimits.Default;
        if (limits.MaxMessages < 1 || limits.MaxBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limits), "Batch limits must be positive.");
        }

        var batches = new List<ScheduleBatch>();
        foreach (var group in nudges.GroupBy(FireAt).OrderBy(g => g.Key))
        {
            var batchNudges = new List<Nudge>();
            var batchMessages = new List<NudgeMessage>();
            var bytes = 0;
            foreach (var nudge in group)
            {
                var message = NudgeMessage.For(nudge);
                var size = EstimatedSize(message);
                if (size > limits.MaxBytes)
                {
                    throw new ArgumentException($"Nudge message {message.MessageId} alone exceeds the batch size limit.", nameof(nudges));
                }

                if (batchNudges.Count == limits.MaxMessages || bytes + size > limits.MaxBytes)
                {
                    batches.Add(new ScheduleBatch(group.Key, batchNudges, batchMessages));
                    (batchNudges, batchMessages, bytes) = ([], [], 0);
                }

                batchNudges.Add(nudge);
                batchMessages.Add(message);
                bytes += size;
            }

            batches.Add(new ScheduleBatch(group.Key, batchNudges, batchMessages));
        }

        return batches;
    }
}
