using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Content;

/// <summary>
/// The .ics the ildsjel receives with the welcome-lunch nudge: a meeting request (organizer the ildsjel,
/// attendee the newcomer) for the suggested slot, with a UID derived from the nudge id so a resend updates
/// the same calendar entry instead of adding a second one.
/// </summary>
internal static class WelcomeLunchInvitation
{
    public static string Create(Enrollment enrollment, Nudge nudge, WelcomeLunchSlot slot, LanguageStrings strings, string host, Instant now)
    {
        var calendar = new Ical.Net.Calendar { Method = "REQUEST" };
        calendar.ProductId = "-//Retention//Welcome lunch//EN";
        var lunch = new CalendarEvent
        {
            Uid = $"{nudge.Id}@{host}",
            Summary = strings.InvitationSummary.Replace("{newcomer}", enrollment.Newcomer.Name, StringComparison.Ordinal),
            Description = strings.InvitationDescription.Replace("{newcomer}", enrollment.Newcomer.Name, StringComparison.Ordinal),
            DtStart = Utc(slot.StartInstant),
            DtEnd = Utc(slot.EndInstant),
            DtStamp = Utc(now),
            Sequence = 0,
            Status = "CONFIRMED",
            Transparency = "OPAQUE",
            Organizer = new Organizer("mailto:" + enrollment.Ildsjel.Email) { CommonName = enrollment.Ildsjel.Name },
        };
        lunch.Attendees.Add(new Attendee("mailto:" + enrollment.Newcomer.Email)
        {
            CommonName = enrollment.Newcomer.Name,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = "NEEDS-ACTION",
            Rsvp = true,
        });
        calendar.Events.Add(lunch);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    // UTC avoids shipping a VTIMEZONE; every calendar shows it in the reader's own zone.
    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc(), CalDateTime.UtcTzId);
}
