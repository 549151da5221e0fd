using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Application;

/// <summary>The zone a recipient reads a nudge in: the newcomer's own zone before arrival (often abroad), Oslo otherwise.</summary>
public static class RecipientZone
{
    public static DateTimeZone For(Enrollment enrollment, Audience audience, Instant dueAt)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        if (audience != Audience.Newcomer)
        {
            return RetentionClock.EmployerZone;
        }

        var own = DateTimeZoneProviders.Tzdb.GetZoneOrNull(enrollment.Newcomer.TimeZone) ?? RetentionClock.EmployerZone;
        return dueAt.InZone(own).Date < enrollment.ArrivalDate ? own : RetentionClock.EmployerZone;
    }
}
