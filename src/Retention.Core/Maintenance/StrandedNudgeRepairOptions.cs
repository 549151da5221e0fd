using System.ComponentModel.DataAnnotations;

namespace Retention.Core.Maintenance;

/// <summary>Settings of <see cref="StrandedNudgeRepair"/>, section <c>Retention:Housekeeping</c>.</summary>
public sealed class StrandedNudgeRepairOptions
{
    public const string SectionName = "Retention:Housekeeping";

    /// <summary>
    /// How long past its firing time a queued nudge must be before it counts as stranded. Longer than a message's
    /// whole delivery life (lock duration × max deliveries) and than the queue's duplicate-detection window, so that a
    /// message still on its way is never doubled and the new message's id is not swallowed as a duplicate.
    /// </summary>
    [Range(typeof(TimeSpan), "00:15:00", "7.00:00:00")]
    public TimeSpan Grace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Nudges read per query.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>At most this many repaired per run, so one run stays short; the next run goes on.</summary>
    [Range(1, 100_000)]
    public int MaxPerRun { get; set; } = 5_000;
}
