using MimeKit;
using NodaTime;
using Retention.Core.Content;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Content;

public sealed class TemplateCatalogTests
{
    private static readonly TemplateCatalog Strict = TemplateCatalog.LoadEmbedded();

    public static TheoryData<string, Audience, string> EveryKindAudienceAndLanguage()
    {
        var data = new TheoryData<string, Audience, string>();
        foreach (var (kind, audience) in ContentFixtures.AllKinds)
        {
            foreach (var language in new[] { "en", "nb" })
            {
                data.Add(kind, audience, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindAudienceAndLanguage))]
    public void Every_kind_has_its_own_template_in_both_languages(string kind, Audience audience, string language)
    {
        var resolution = Strict.Resolve(kind, audience, language);

        Assert.False(resolution.IsFallback, $"{language}/{audience}/{kind} falls back to {resolution.Template.Language}");
        Assert.Equal(language, resolution.Template.Language);
    }

    [Theory]
    [MemberData(nameof(EveryKindAudienceAndLanguage))]
    public void Every_template_renders_strictly_without_leftover_liquid(string kind, Audience audience, string language)
    {
        var renderer = ContentFixtures.Renderer(Strict);
        foreach (var family in new[] { Family.None, new Family(true, [2, 7, 12]), new Family(false, [9]) })
        {
            var enrollment = ContentFixtures.Enrollment(family);
            var nudge = ContentFixtures.Nudge(kind, audience, new LocalDateTime(2027, 3, 10, 9, 0), "month-3");
            var message = renderer.Render(enrollment, [nudge], Instant.FromUtc(2027, 3, 10, 8, 0), language);

            foreach (var part in new[] { message.Subject, message.TextBody, message.HtmlBody })
            {
                Assert.False(string.IsNullOrWhiteSpace(part));
                Assert.DoesNotContain("{{", part, StringComparison.Ordinal);
                Assert.DoesNotContain("{%", part, StringComparison.Ordinal);
                Assert.DoesNotContain("}}", part, StringComparison.Ordinal);
                Assert.DoesNotContain('\uE000', part);
            }

            Assert.DoesNotContain("  ", message.Subject, StringComparison.Ordinal);
        }
    }
}
