using System.ComponentModel.DataAnnotations;

namespace Retention.Core.Dispatch;

/// <summary>
/// How dispatch claims, retries and gives up (section <c>Retention:Dispatch</c>). The back-off is
/// deterministic (no jitter) so that a retry time can be predicted, tested and shown to HR.
/// </summary>
public sealed class DispatchOptions : IValidatableObject
{
    public const string SectionName = "Retention:Dispatch";

    /// <summary>Send attempts (throttling not counted) before a nudge is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay after the first transient failure.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Each further transient failure multiplies the delay by this.</summary>
    [Range(1.0, 10.0)]
    public double BackoffFactor { get; set; } = 2.0;

    /// <summary>The delay never grows past this.</summary>
    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a claimed (sending) nudge belongs to its dispatcher; after that another one takes it over.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after a throttled send when the provider did not say how long.</summary>
    public TimeSpan DefaultThrottleDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often one dispatch re-reads and decides again after a compare-and-set conflict.</summary>
    [Range(1, 50)]
    public int MaxConflictRetries { get; set; } = 5;

    /// <summary>
    /// Hold a late nudge to its recipient's sending window at send time (<see cref="Journeys.SendingWindow"/>). On by
    /// default; the benchmarks turn it off, since they schedule on the wall clock at whatever hour they run.
    /// </summary>
    public bool KeepSendingWindow { get; set; } = true;

    /// <summary>The back-off these options describe.</summary>
    public RetryBackoff Backoff => new(BackoffBase, BackoffFactor, BackoffCap);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BackoffBase <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(BackoffBase)} must be positive.", [nameof(BackoffBase)]);
        }

        if (BackoffCap < BackoffBase)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(BackoffCap)} must be at least {nameof(BackoffBase)}.", [nameof(BackoffCap)]);
        }

        if (SendLease < TimeSpan.FromSeconds(5))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(SendLease)} must be at least 5 seconds: a send must fit inside it.", [nameof(SendLease)]);
        }

        if (DefaultThrottleDelay <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(DefaultThrottleDelay)} must be positive.", [nameof(DefaultThrottleDelay)]);
        }
    }
}
