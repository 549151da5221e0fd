using MimeKit;
using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Content;

/// <summary>Whole messages compared with reviewed files in both languages, a merged message among them.</summary>
public sealed class NudgeRendererGoldenTests
{
    public static TheoryData<string> Cases() => new(Scenarios.Keys);

    private static readonly Dictionary<string, (Enrollment Enrollment, Nudge[] Nudges, Instant Now, string? Language)> Scenarios = new(StringComparer.Ordinal)
    {
        ["welcome-lunch.en"] = (ContentFixtures.Enrollment(ildsjelLanguage: "en"),
            [ContentFixtures.Nudge("welcome-lunch", Audience.Ildsjel, new LocalDateTime(2027, 3, 5, 9, 0))], Instant.FromUtc(2027, 3, 5, 8, 0), null),
        ["welcome-lunch.nb"] = (ContentFixtures.Enrollment(),
            [ContentFixtures.Nudge("welcome-lunch", Audience.Ildsjel, new LocalDateTime(2027, 3, 5, 9, 0))], Instant.FromUtc(2027, 3, 5, 8, 0), null),
        ["check-in.en"] = (ContentFixtures.Enrollment(),
            [ContentFixtures.Nudge("check-in", Audience.Newcomer, new LocalDateTime(2027, 6, 3, 10, 0), "month-3")], Instant.FromUtc(2027, 6, 3, 8, 0), null),
        ["check-in.nb"] = (ContentFixtures.Enrollment(newcomerLanguage: "nb"),
            [ContentFixtures.Nudge("check-in", Audience.Newcomer, new LocalDateTime(2027, 6, 3, 10, 0), "month-3")], Instant.FromUtc(2027, 6, 3, 8, 0), null),
        ["local-events.nb"] = (ContentFixtures.Enrollment(),
            [ContentFixtures.Nudge("local-events", Audience.Newcomer, new LocalDateTime(2027, 3, 5, 10, 0), "week-2")], Instant.FromUtc(2027, 3, 5, 9, 0), "nb"),
        ["merged.en"] = (ContentFixtures.Enrollment(),
        [
            ContentFixtures.Nudge("local-events", Audience.Newcomer, new LocalDateTime(2027, 3, 8, 10, 0), "week-2"),
            ContentFixtures.Nudge("family-activities", Audience.Newcomer, new LocalDateTime(2027, 3, 8, 10, 0), "week-2"),
        ], Instant.FromUtc(2027, 3, 8, 9, 0), null),
        ["merged.nb"] = (ContentFixtures.Enrollment(newcomerLanguage: "nb"),
        [
            ContentFixtures.Nudge("kindergarten", Audience.Newcomer, new LocalDateTime(2027, 2, 8, 10, 0), "pre-arrival"),
            ContentFixtures.Nudge("school", Audience.Newcomer, new LocalDateTime(2027, 2, 8, 10, 0), "pre-arrival"),
        ], Instant.FromUtc(2027, 2, 8, 9, 0), null),
        ["retention-confirmation.nb"] = (ContentFixtures.Enrollment(),
            [ContentFixtures.Nudge("retention-confirmation", Audience.Hr, new LocalDateTime(2027, 9, 3, 10, 0), "month-6")], Instant.FromUtc(2027, 9, 3, 8, 0), null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendered_message_matches_the_reviewed_golden_files(string name)
    {
        var (enrollment, nudges, now, language) = Scenarios[name];

        var message = ContentFixtures.Renderer().Render(enrollment, nudges, now, language);

        // What is compared is what a client reads after transport: write it out and parse it back.
        var reparsed = RoundTrip(message);
        GoldenFiles.AssertMatches(name + ".txt", GoldenFiles.Describe(reparsed, reparsed.TextBody ?? "", now));
        GoldenFiles.AssertMatches(name + ".html", GoldenFiles.DecodeTokens(reparsed.HtmlBody ?? "", now));
        var invitation = reparsed.Attachments.OfType<MimePart>().SingleOrDefault(p => p.ContentType.IsMimeType("text", "calendar"));
        if (invitation is not null)
        {
            using var content = new MemoryStream();
            invitation.Content!.DecodeTo(content);
            GoldenFiles.AssertMatches(name + ".ics", System.Text.Encoding.UTF8.GetString(content.ToArray()));
        }
    }

    internal static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }
}
