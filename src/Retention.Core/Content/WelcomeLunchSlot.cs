using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Core.Content;

/// <summary>The suggested welcome lunch: 11:30–12:15 at the workplace on the nudge's due working day.</summary>
internal sealed record WelcomeLunchSlot(LocalDate Date, LocalTime Start, LocalTime End, DateTimeZone Zone)
{
    public static WelcomeLunchSlot For(Nudge nudge, DateTimeZone workplaceZone) =>
        new(nudge.DueAt.InZone(workplaceZone).Date, new LocalTime(11, 30), new LocalTime(12, 15), workplaceZone);

    public Instant StartInstant => Zone.AtLeniently(Date + Start).ToInstant();

    public Instant EndInstant => Zone.AtLeniently(Date + End).ToInstant();
}
