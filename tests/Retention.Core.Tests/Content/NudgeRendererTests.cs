using System.Text.RegularExpressions;
using Ical.Net;
using MimeKit;
using NodaTime;
using Retention.Core.Content;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Links;

namespace Retention.Core.Tests.Content;

public sealed partial class NudgeRendererTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 5, 8, 0);
    private static readonly NudgeRenderer Renderer = ContentFixtures.Renderer();
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    private static MimeMessage Render(Enrollment enrollment, Instant now, string? language, params Nudge[] nudges) =>
        NudgeRendererGoldenTests.RoundTrip(Renderer.Render(enrollment, nudges, now, language));

    private static Nudge Lunch(LocalDate day) => ContentFixtures.Nudge("welcome-lunch", Audience.Ildsjel, day.At(new LocalTime(9, 0)));

    [Fact]
    public void Message_parses_back_as_multipart_alternative_with_text_and_html()
    {
        var message = Render(ContentFixtures.Enrollment(), Now, null, ContentFixtures.Nudge("first-day", Audience.Ildsjel, new LocalDateTime(2027, 3, 3, 8, 0)));

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("Karianne", message.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Karianne", message.To.Mailboxes.Single().Name);
        Assert.Equal("karianne@example.no", message.To.Mailboxes.Single().Address);
        Assert.Equal("no-reply@retention.example.no", message.From.Mailboxes.Single().Address);
    }

    [Theory]
    [InlineData(Audience.Newcomer, "audrey@example.com")]
    [InlineData(Audience.Ildsjel, "karianne@example.no")]
    [InlineData(Audience.Hr, "hr@example.no")]
    public void Message_goes_to_the_person_the_nudge_is_for(Audience audience, string address)
    {
        var kind = audience switch { Audience.Newcomer => "check-in", Audience.Ildsjel => "ildsjel-follow-up", _ => "retention-confirmation" };

        var message = Render(ContentFixtures.Enrollment(), Now, null, ContentFixtures.Nudge(kind, audience, new LocalDateTime(2027, 4, 5, 9, 0), "month-1"));

        Assert.Equal(address, message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public void Welcome_lunch_carries_a_published_proposal_at_half_past_eleven_local_time_on_the_next_working_day()
    {
        var message = Render(ContentFixtures.Enrollment(), Now, null, Lunch(new LocalDate(2027, 3, 5)));

        var part = message.Attachments.OfType<MimePart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("PUBLISH", part.ContentType.Parameters["method"]);
        var calendar = Ical.Net.Calendar.Load(Decode(part))!;
        Assert.Equal("PUBLISH", calendar.Method);
        var lunch = calendar.Events.Single();
        // Due and delivered on Friday 5 March: the lunch is proposed for Monday, never for a day already under way.
        Assert.Equal(new DateTime(2027, 3, 8, 10, 30, 0, DateTimeKind.Utc), lunch.DtStart!.AsUtc);  // 11:30 CET
        Assert.Equal(new DateTime(2027, 3, 8, 11, 15, 0, DateTimeKind.Utc), lunch.DtEnd!.AsUtc);    // 12:15 CET
        Assert.Equal("mailto:karianne@example.no", lunch.Organizer!.Value!.ToString());
        // Mailed to the ildsjel only, so nobody else is named as an attendee (RFC 5546 PUBLISH).
        Assert.Empty(lunch.Attendees);
        Assert.Equal("nud-welcome-lunch-ildsjel-week-1@retention.example.no", lunch.Uid);
    }

    [Fact]
    public void Welcome_lunch_in_summer_time_is_still_half_past_eleven_local()
    {
        var message = Render(ContentFixtures.Enrollment(), Instant.FromUtc(2027, 8, 11, 7, 0), null, Lunch(new LocalDate(2027, 8, 11)));

        var lunch = Ical.Net.Calendar.Load(Decode(message.Attachments.OfType<MimePart>().Single()))!.Events.Single();
        Assert.Equal(new DateTime(2027, 8, 12, 9, 30, 0, DateTimeKind.Utc), lunch.DtStart!.AsUtc); // Thursday 11:30 CEST
    }

    [Theory]
    [InlineData("2027-03-05T09:33:00Z", "2027-03-05T11:11:00Z", "2027-03-08")] // due Fri 10:33, mailed Fri 12:11 → Monday
    [InlineData("2027-05-14T07:00:00Z", "2027-05-14T07:00:00Z", "2027-05-18")] // Friday before 17 May (a Monday holiday) → Tuesday
    [InlineData("2027-03-03T07:00:00Z", "2027-03-05T07:00:00Z", "2027-03-08")] // delivered two days late → after the delivery
    [InlineData("2027-03-10T07:00:00Z", "2027-03-01T07:00:00Z", "2027-03-11")] // previewed early → after the due day
    public void The_proposed_lunch_is_on_a_later_working_day_than_delivery_and_inside_working_hours(string due, string delivered, string expected)
    {
        var dueAt = NodaTime.Text.InstantPattern.General.Parse(due).Value;
        var at = NodaTime.Text.InstantPattern.General.Parse(delivered).Value;
        var nudge = ContentFixtures.Nudge("welcome-lunch", Audience.Ildsjel, dueAt.InZone(Oslo).LocalDateTime);

        var message = Render(ContentFixtures.Enrollment(), at, null, nudge);

        var lunch = Ical.Net.Calendar.Load(Decode(message.Attachments.OfType<MimePart>().Single()))!.Events.Single();
        var start = Instant.FromDateTimeUtc(lunch.DtStart!.AsUtc).InZone(Oslo);
        var end = Instant.FromDateTimeUtc(lunch.DtEnd!.AsUtc).InZone(Oslo);
        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(expected).Value, start.Date);
        Assert.True(start.Date > at.InZone(Oslo).Date && Retention.Core.Calendar.NorwegianCalendar.IsWorkingDay(start.Date));
        Assert.True(start.TimeOfDay >= new LocalTime(8, 0) && end.TimeOfDay <= new LocalTime(16, 0), $"{start}–{end}");
        Assert.Contains("11:30", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resend_of_the_same_message_keeps_message_id_and_invitation_uid()
    {
        var first = Render(ContentFixtures.Enrollment(), Now, null, Lunch(new LocalDate(2027, 3, 5)));
        var resend = Render(ContentFixtures.Enrollment(), Now + Duration.FromHours(3), null, Lunch(new LocalDate(2027, 3, 5)));
        var other = Render(ContentFixtures.Enrollment(), Now, null, Lunch(new LocalDate(2027, 3, 8)));

        Assert.Equal(first.MessageId, resend.MessageId);
        Assert.NotEqual(first.MessageId, other.MessageId);
        Assert.EndsWith("@retention.example.no", first.MessageId, StringComparison.Ordinal);
        Assert.Equal(Uid(first), Uid(resend));
    }

    [Fact]
    public void Only_the_welcome_lunch_has_an_invitation()
    {
        var message = Render(ContentFixtures.Enrollment(), Now, null, ContentFixtures.Nudge("first-day", Audience.Ildsjel, new LocalDateTime(2027, 3, 3, 8, 0)));

        Assert.Empty(message.Attachments);
    }

    [Fact]
    public void Action_links_verify_and_point_at_the_nudge_they_were_rendered_for()
    {
        var nudges = new[]
        {
            ContentFixtures.Nudge("ildsjel-follow-up", Audience.Ildsjel, new LocalDateTime(2027, 4, 5, 9, 0), "month-1"),
            ContentFixtures.Nudge("local-events", Audience.Ildsjel, new LocalDateTime(2027, 4, 5, 9, 0), "week-3"),
        };

        var message = Render(ContentFixtures.Enrollment(), Now, null, nudges);

        var tokens = Tokens(message).ToList();
        Assert.All(tokens, t => Assert.Equal(Now + Duration.FromDays(t.Action == LinkAction.Unsubscribe ? 365 : 30), t.ExpiresAt));
        foreach (var nudge in nudges)
        {
            var actions = tokens.Where(t => t.NudgeId == nudge.Id && t.Action != LinkAction.Unsubscribe).Select(t => t.Action).Distinct();
            Assert.Equal([LinkAction.Done, LinkAction.Snooze, LinkAction.Dismiss], actions);
        }
    }

    [Fact]
    public void Check_in_offers_one_to_five_for_belonging_and_for_intent_to_stay()
    {
        var message = Render(ContentFixtures.Enrollment(), Now, null, ContentFixtures.Nudge("check-in", Audience.Newcomer, new LocalDateTime(2027, 4, 5, 9, 0), "month-1"));

        var answers = Tokens(message).Where(t => t.Action is LinkAction.Belonging or LinkAction.IntentToStay)
            .Select(t => (t.Action, t.Value)).Distinct().Order().ToList();
        var expected = new[] { LinkAction.Belonging, LinkAction.IntentToStay }.SelectMany(a => Enumerable.Range(1, 5).Select(v => (a, v))).ToList();
        Assert.Equal(expected, answers);
        Assert.DoesNotContain(Tokens(message), t => t.Action == LinkAction.Done);
    }

    [Fact]
    public void List_unsubscribe_is_a_one_click_https_link()
    {
        var message = Render(ContentFixtures.Enrollment(), Now, null, ContentFixtures.Nudge("easter", Audience.Newcomer, new LocalDateTime(2027, 3, 15, 9, 0), "easter"));

        var header = message.Headers["List-Unsubscribe"]!;
        Assert.Matches("^<https://retention\\.example\\.no/a/[A-Za-z0-9_-]+>$", header);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.True(ContentFixtures.Signer.TryVerify(header[(header.LastIndexOf('/') + 1)..^1], Now, out var token));
        Assert.Equal(LinkAction.Unsubscribe, token.Action);
    }

    [Theory]
    [MemberData(nameof(TemplateCatalogTests.EveryKindAudienceAndLanguage), MemberType = typeof(TemplateCatalogTests))]
    public void No_url_in_any_message_carries_a_name_or_an_address(string kind, Audience audience, string language)
    {
        var enrollment = ContentFixtures.Enrollment() with
        {
            Newcomer = new Newcomer("Zyxwa Qopli", "zyxwa.qopli@mailbox.example", "en", "Europe/Oslo"),
            Ildsjel = new Ildsjel("Vuxen Tarbel", "vuxen.tarbel@work.example", "nb"),
            HrContact = new HrContact("Hrynd Molk", "hrynd.molk@work.example"),
        };

        var message = Render(enrollment, Now, language, ContentFixtures.Nudge(kind, audience, new LocalDateTime(2027, 3, 5, 9, 0)));

        var urls = Urls(message).ToList();
        Assert.NotEmpty(urls);
        foreach (var url in urls)
        {
            foreach (var secret in new[] { "zyxwa", "qopli", "vuxen", "tarbel", "hrynd", "molk", "mailbox.example", "work.example", "%40" })
            {
                Assert.DoesNotContain(secret, Uri.UnescapeDataString(url), StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Names_are_escaped_in_html_and_cannot_inject_markup_or_links()
    {
        var enrollment = ContentFixtures.Enrollment() with
        {
            Newcomer = new Newcomer("<script>alert(1)</script> **x** \uE0000\uE001", "a@example.com", "en", "Europe/Oslo"),
        };

        var message = Render(enrollment, Now, null, ContentFixtures.Nudge("welcome-lunch", Audience.Ildsjel, new LocalDateTime(2027, 3, 5, 9, 0)));

        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain('\uE000', message.HtmlBody!);
    }

    [Fact]
    public void The_language_argument_overrides_the_recipients_language()
    {
        var nudge = ContentFixtures.Nudge("first-day", Audience.Ildsjel, new LocalDateTime(2027, 3, 3, 8, 0));

        var own = Render(ContentFixtures.Enrollment(ildsjelLanguage: "nb"), Now, null, nudge);
        var preview = Render(ContentFixtures.Enrollment(ildsjelLanguage: "nb"), Now, "en", nudge);

        Assert.StartsWith("Hei Karianne,", own.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Hi Karianne,", preview.TextBody, StringComparison.Ordinal);
        Assert.Equal("en", preview.Body!.Headers[HeaderId.ContentLanguage]);
    }

    [Theory]
    [InlineData("Karianne Vik", "Hei Karianne,")]
    [InlineData("  Anne-Marie Berg Olsen ", "Hei Anne-Marie,")]
    [InlineData("Karianne", "Hei Karianne,")]
    public void The_greeting_uses_the_first_name_and_the_address_the_full_name(string name, string greeting)
    {
        var enrollment = ContentFixtures.Enrollment() with { Ildsjel = new Ildsjel(name, "karianne@example.no", "nb") };

        var message = Render(enrollment, Now, null, ContentFixtures.Nudge("first-day", Audience.Ildsjel, new LocalDateTime(2027, 3, 3, 8, 0)));

        Assert.StartsWith(greeting, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(">" + greeting + "</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(name.Trim(), message.To.Mailboxes.Single().Name);
    }

    [Fact]
    public void Every_part_declares_a_seven_bit_safe_transfer_encoding()
    {
        var message = Renderer.Render(ContentFixtures.Enrollment(), [Lunch(new LocalDate(2027, 3, 5))], Now);

        var parts = message.BodyParts.OfType<MimePart>().ToDictionary(p => p.ContentType.MimeType, p => p.ContentTransferEncoding);
        Assert.Equal(ContentEncoding.QuotedPrintable, parts["text/plain"]);
        Assert.Equal(ContentEncoding.QuotedPrintable, parts["text/html"]);
        Assert.Equal(ContentEncoding.Base64, parts["text/calendar"]);
        using var written = new MemoryStream();
        message.WriteTo(written);
        Assert.All(written.ToArray(), b => Assert.True(b < 0x80, "a raw 8-bit octet in the message"));
    }

    [Fact]
    public void Regional_events_are_chosen_relative_to_render_time()
    {
        var nudge = ContentFixtures.Nudge("local-events", Audience.Newcomer, new LocalDateTime(2027, 3, 8, 10, 0), "week-2");

        var early = Render(ContentFixtures.Enrollment(), Instant.FromUtc(2027, 3, 1, 9, 0), null, nudge).TextBody!;
        var late = Render(ContentFixtures.Enrollment(), Instant.FromUtc(2027, 3, 15, 9, 0), null, nudge).TextBody!;

        Assert.Contains("Vinterkonsert", early, StringComparison.Ordinal);        // 6 March: inside 1–15 March
        Assert.DoesNotContain("Vinterkonsert", late, StringComparison.Ordinal);   // already over
        Assert.DoesNotContain("17. mai-frokost", early, StringComparison.Ordinal); // months away
    }

    [Fact]
    public void Nudges_for_different_people_cannot_be_merged()
    {
        var nudges = new[]
        {
            ContentFixtures.Nudge("check-in", Audience.Newcomer, new LocalDateTime(2027, 4, 5, 9, 0), "month-1"),
            ContentFixtures.Nudge("ildsjel-follow-up", Audience.Ildsjel, new LocalDateTime(2027, 4, 5, 9, 0), "month-1"),
        };

        Assert.Throws<ArgumentException>(() => Renderer.Render(ContentFixtures.Enrollment(), nudges, Now));
    }

    [Fact]
    public void An_hr_nudge_without_an_hr_contact_is_refused()
    {
        var enrollment = ContentFixtures.Enrollment() with { HrContact = null };

        Assert.Throws<InvalidOperationException>(() => Renderer.Render(enrollment, [ContentFixtures.Nudge("hr-escalation", Audience.Hr, new LocalDateTime(2027, 4, 5, 9, 0))], Now));
    }

    [Fact]
    public void A_merged_message_names_each_nudge_in_its_subject_when_it_fits()
    {
        var message = Render(ContentFixtures.Enrollment(), Now, "en",
            ContentFixtures.Nudge("easter", Audience.Newcomer, new LocalDateTime(2027, 3, 15, 9, 0), "easter"),
            ContentFixtures.Nudge("july-holiday", Audience.Newcomer, new LocalDateTime(2027, 3, 15, 9, 0), "july"));

        Assert.Equal("Easter is coming: plan for closed shops · July: when Norway goes on holiday", message.Subject);
    }

    [Theory]
    [InlineData("http://retention.example.no", "Europe/Oslo")]
    [InlineData("retention.example.no", "Europe/Oslo")]
    [InlineData("https://retention.example.no", "Mars/Olympus")]
    public void Options_without_an_https_base_url_or_with_an_unknown_zone_are_refused(string baseUrl, string zone)
    {
        var options = ContentFixtures.Options with { PublicBaseUrl = baseUrl, WorkplaceTimeZone = zone };

        Assert.Throws<ArgumentException>(() => new NudgeRenderer(TemplateCatalog.Default, ContentFixtures.SampleSource(), ContentFixtures.Signer, options));
    }

    private static IEnumerable<ActionToken> Tokens(MimeMessage message) =>
        Urls(message).Where(u => u.Contains("/a/", StringComparison.Ordinal)).Select(u =>
        {
            Assert.True(ContentFixtures.Signer.TryVerify(u[(u.LastIndexOf('/') + 1)..], Now, out var token), u);
            return token;
        });

    private static IEnumerable<string> Urls(MimeMessage message) =>
        Url().Matches(message.TextBody + "\n" + message.HtmlBody + "\n" + message.Headers["List-Unsubscribe"]).Select(m => m.Value);

    private static string Decode(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Uid(MimeMessage message) => Ical.Net.Calendar.Load(Decode(message.Attachments.OfType<MimePart>().Single()))!.Events.Single().Uid!;

    [GeneratedRegex("""https?://[^\s"<>)]+""")]
    private static partial Regex Url();
}
