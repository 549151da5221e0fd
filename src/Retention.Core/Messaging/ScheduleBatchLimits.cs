namespace Retention.Core.Messaging;

/// <summary>
/// Limits for one Service Bus schedule call. Defaults: at most 100 messages (the Service Bus quota on messages per
/// transaction) and 192 KB of estimated wire size, leaving headroom under the 256 KB message/batch size of the
/// Standard tier (Premium allows more; the smaller limit is safe on both).
/// </summary>
public sealed record ScheduleBatchLimits(int MaxMessages = 100, int MaxBytes = 192 * 1024)
{
    /// <summary>Estimated AMQP overhead of one message beyond its body and ids (header, properties, annotations).</summary>
    public const int PerMessageOverheadBytes = 512;

    public static ScheduleBatchLimits Default { get; } = new();
}
