using NodaTime;

namespace Retention.Core.Journeys;

/// <summary><see cref="PlanningOptions"/> checked and converted once: zones resolved, times in NodaTime.</summary>
internal sealed class PlanningPolicy
{
    public PlanningPolicy(PlanningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        EmployerZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.EmployerTimeZone)
            ?? throw new ArgumentException($"Unknown IANA time zone '{options.EmployerTimeZone}'.", nameof(options));
        if (options.WindowEnd <= options.WindowStart)
        {
            throw new ArgumentException("The sending window must end after it starts.", nameof(options));
        }

        if (options.WeeklyCap < 1 || options.EscalationWorkingDays < 1 || options.WindowDaysBeforeArrival < 0 || options.WindowMonthsAfterStart < 0)
        {
            throw new ArgumentException("Weekly cap and escalation delay must be positive, the window not negative.", nameof(options));
        }

        WindowStart = LocalTime.FromTicksSinceMidnight(options.WindowStart.Ticks);
        WindowEnd = LocalTime.FromTicksSinceMidnight(options.WindowEnd.Ticks);
        WindowMinutes = (int)(options.WindowEnd - options.WindowStart).TotalMinutes;
        Spread = options.SpreadWithinWindow && WindowMinutes > 1;
        WeeklyCap = options.WeeklyCap;
        EscalationWorkingDays = options.EscalationWorkingDays;
        WindowDaysBeforeArrival = options.WindowDaysBeforeArrival;
        WindowMonthsAfterStart = options.WindowMonthsAfterStart;
        CheckInMonths = options.CheckInMonths is { Length: > 0 } months ? [.. months.Distinct().Order()] : PlanningOptions.DefaultCheckInMonths;
    }

    public DateTimeZone EmployerZone { get; }

    public LocalTime WindowStart { get; }

    /// <summary>The end of the sending window (exclusive).</summary>
    public LocalTime WindowEnd { get; }

    public int WindowMinutes { get; }

    public bool Spread { get; }

    public int WeeklyCap { get; }

    public int EscalationWorkingDays { get; }

    public int WindowDaysBeforeArrival { get; }

    public int WindowMonthsAfterStart { get; }

    public IReadOnlyList<int> CheckInMonths { get; }
}
