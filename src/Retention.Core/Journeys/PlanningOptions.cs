using System.ComponentModel.DataAnnotations;

namespace Retention.Core.Journeys;

/// <summary>The scheduling policy of the journey planner: when and how often people may be nudged.</summary>
public sealed class PlanningOptions
{
    public const string SectionName = "Retention:Planning";

    /// <summary>The default check-in months after the start date.</summary>
    public static IReadOnlyList<int> DefaultCheckInMonths { get; } = [1, 3, 6, 9, 12];

    /// <summary>Start of the sending window, local time of the recipient.</summary>
    public TimeOnly WindowStart { get; set; } = new(9, 0);

    /// <summary>End of the sending window (exclusive), local time of the recipient.</summary>
    public TimeOnly WindowEnd { get; set; } = new(15, 0);

    /// <summary>At most this many distinct messages per recipient per ISO week (merged nudges count once).</summary>
    [Range(1, 7)]
    public int WeeklyCap { get; set; } = 3;

    /// <summary>IANA zone of the employer: the ildsjel and HR, and the newcomer once arrived in Norway.</summary>
    [Required]
    public string EmployerTimeZone { get; set; } = "Europe/Oslo";

    /// <summary>Seasonal moments count from this many days before arrival …</summary>
    [Range(0, 365)]
    public int WindowDaysBeforeArrival { get; set; } = 30;

    /// <summary>… to this many months after the start date.</summary>
    [Range(1, 120)]
    public int WindowMonthsAfterStart { get; set; } = 12;

    /// <summary>Months after the start date with a check-in (milestones with <c>"atMonths": "checkInMonths"</c>); null means 1, 3, 6, 9, 12.</summary>
    public int[]? CheckInMonths { get; set; }

    /// <summary>Working days from an unacted ildsjel nudge to the reminder, and from the reminder to HR.</summary>
    [Range(1, 30)]
    public int EscalationWorkingDays { get; set; } = 5;

    /// <summary>
    /// Spread send times over the window, deterministically per enrolment and recipient, instead of sending
    /// everything at the window start (eases provider rate limits).
    /// </summary>
    public bool SpreadWithinWindow { get; set; } = true;

    /// <summary>
    /// How long a change holds an enrolment's journey while it re-plans; others wait. A crashed holder's lease runs
    /// out and the next change (or the dispatcher) finishes its re-plan. Counted on the service's clock.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "90.00:00:00")]
    public TimeSpan ReplanLease { get; set; } = TimeSpan.FromSeconds(30);
}
