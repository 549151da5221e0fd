using System.ComponentModel.DataAnnotations;

namespace Retention.Server.Dispatching;

/// <summary>
/// How the self-hosted dispatcher polls the due-queue (<c>Retention:Dispatch:Queue</c>). Intervals are in the
/// host's <see cref="TimeProvider"/> time, so a demo clock that runs faster also polls faster.
/// </summary>
public sealed class DueQueueDispatcherOptions : IValidatableObject
{
    public const string SectionName = "Retention:Dispatch:Queue";

    /// <summary>The wait between polls when the last one did not fill a batch.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim keeps a nudge from other dispatchers; should be at least the send lease (<c>Retention:Dispatch:SendLease</c>).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Nudges dispatched at once; the SMTP pool size is a good value.</summary>
    [Range(1, 64)]
    public int MaxParallelism { get; set; } = 4;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(PollInterval)} must be positive.", [nameof(PollInterval)]);
        }

        if (ClaimLease < TimeSpan.FromSeconds(5))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(ClaimLease)} must be at least 5 seconds.", [nameof(ClaimLease)]);
        }
    }
}
