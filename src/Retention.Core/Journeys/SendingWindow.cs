using NodaTime;
using Retention.Core.Application;
using Retention.Core.Calendar;
using Retention.Core.Enrollments;

namespace Retention.Core.Journeys;

/// <summary>
/// When a nudge may reach its recipient: a working day, between <see cref="PlanningOptions.WindowStart"/> and
/// <see cref="PlanningOptions.WindowEnd"/> in the recipient's own zone. The planner places nudges inside it; the
/// dispatcher holds a late one (a backlog, a retry, an outage, the demo's fast clock) to the same window at send time,
/// against its own clock, and defers it to the next opening at the minute it was planned for.
/// </summary>
public sealed class SendingWindow
{
    private readonly LocalTime _start;
    private readonly LocalTime _end;
    private readonly Duration _grace;

    public SendingWindow(PlanningOptions options, TimeSpan? grace = null)
    {
        // The planner's policy checks and converts the options: one rule for the window, at plan and at send time.
        var policy = new PlanningPolicy(options);
        _start = policy.WindowStart;
        _end = policy.WindowEnd;
        _grace = Duration.FromTimeSpan(grace ?? DefaultGrace);
    }

    /// <summary>
    /// A nudge planned for the window's last minutes and picked up by the next poll is still sent: the window closes
    /// this much after its end, not a whole day later.
    /// </summary>
    public static TimeSpan DefaultGrace { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Null when the nudge may go now; otherwise the instant the recipient's window next opens.</summary>
    public Instant? DeferredUntil(Nudge nudge, Enrollment enrollment, Instant now)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        var zone = RecipientZone.For(enrollment, nudge.Audience, now);
        var local = now.InZone(zone);
        var closes = local.Date.At(_end).PlusTicks(_grace.BclCompatibleTicks);
        if (NorwegianCalendar.IsWorkingDay(local.Date) && local.TimeOfDay >= _start && local.LocalDateTime < closes)
        {
            return null;
        }

        // The minute planned for it (spread within the window), so that deferred nudges do not all open at once.
        var planned = nudge.DueAt.InZone(zone).TimeOfDay;
        var minute = planned >= _start && planned < _end ? planned : _start;
        var day = NorwegianCalendar.IsWorkingDay(local.Date) && local.TimeOfDay < minute
            ? local.Date
            : NorwegianCalendar.NextWorkingDay(local.Date);
        return day.At(minute).InZoneLeniently(zone).ToInstant();
    }
}
