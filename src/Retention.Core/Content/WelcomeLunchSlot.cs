using NodaTime;
using Retention.Core.Calendar;
using Retention.Core.Journeys;

namespace Retention.Core.Content;

/// <summary>
/// The suggested welcome lunch: 11:30–12:15 at the workplace on the first working day after the message is
/// delivered (or after the nudge's due day, if it goes out early, as a preview does), so that the ildsjel always has
/// time to book it; a lunch proposed for the day the mail arrives is often already over.
/// </summary>
internal sealed record WelcomeLunchSlot(LocalDate Date, LocalTime Start, LocalTime End, DateTimeZone Zone)
{
    public static readonly LocalTime LunchStart = new(11, 30);
    public static readonly LocalTime LunchEnd = new(12, 15);

    public static WelcomeLunchSlot For(Nudge nudge, Instant delivery, DateTimeZone workplaceZone)
    {
        var due = nudge.DueAt.InZone(workplaceZone).Date;
        var delivered = delivery.InZone(workplaceZone).Date;
        return new(NorwegianCalendar.NextWorkingDay(LocalDate.Max(due, delivered)), LunchStart, LunchEnd, workplaceZone);
    }

    public Instant StartInstant => Zone.AtLeniently(Date + Start).ToInstant();

    public Instant EndInstant => Zone.AtLeniently(Date + End).ToInstant();
}
