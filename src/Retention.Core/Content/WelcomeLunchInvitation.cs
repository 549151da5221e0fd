using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Content;

/// <summary>
/// The .ics the ildsjel receives with the welcome-lunch nudge: a proposal for the suggested slot, published
/// (RFC 5546 PUBLISH) to the ildsjel as its organizer, who moves it and invites the newcomer from their own
/// calendar. Not a REQUEST: that would name the newcomer as an attendee of a mail the newcomer never gets.
/// The UID is derived from the nudge id, so a resend updates the same calendar entry instead of adding a second.
/// </summary>
internal static class WelcomeLunchInvitation
{
    /// <summary>The iTIP method, also the <c>method=</c> parameter of the MIME part (RFC 6047).</summary>
    public const string Method = "PUBLISH";

    public static string Create(Enrollment enrollment, Nudge nudge, WelcomeLunchSlot slot, LanguageStrings strings, string host, Instant now)
    {
        var calendar = new Ical.Net.Calendar { Method = Method };
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
        calendar.Events.Add(lunch);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    // UTC avoids shipping a VTIMEZONE; every calendar shows it in the reader's own zone.
    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc(), CalDateTime.UtcTzId);
}
