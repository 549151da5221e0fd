using MimeKit;
using NodaTime;
using Retention.Core.Content;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Content;

public sealed class TemplateCatalogTests
{
    private static readonly TemplateCatalog Strict = TemplateCatalog.LoadEmbedded();
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 10, 8, 0);

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

    [Fact]
    public void Both_languages_offer_the_same_actions_for_each_kind()
    {
        foreach (var (kind, audience) in ContentFixtures.AllKinds)
        {
            Assert.Equal(Strict.Resolve(kind, audience, "en").Template.Actions, Strict.Resolve(kind, audience, "nb").Template.Actions);
        }
    }

    [Theory]
    [InlineData("nb", "nb")]
    [InlineData("NB-no", "nb")]
    [InlineData("no", "nb")]
    [InlineData("nn", "nb")]
    [InlineData("en-GB", "en")]
    [InlineData("de", "en")]
    [InlineData(null, "en")]
    public void Languages_are_matched_to_the_closest_supported_one(string? asked, string expected)
    {
        Assert.Equal(expected, Strict.NormalizeLanguage(asked));
    }

    [Fact]
    public void A_kind_missing_in_a_language_falls_back_to_english_and_says_so()
    {
        var catalog = Strict.WithOverrides([KeyValuePair.Create("de/strings.json", SampleStrings())]);

        var resolution = catalog.Resolve("first-day", Audience.Ildsjel, "de");
        var message = ContentFixtures.Renderer(catalog).Render(ContentFixtures.Enrollment(), [ContentFixtures.Nudge("first-day", Audience.Ildsjel, new LocalDateTime(2027, 3, 3, 8, 0))], Now, "de");

        Assert.True(resolution.IsFallback);
        Assert.Equal(("de", "en"), (resolution.RequestedLanguage, resolution.Template.Language));
        Assert.Equal("en", message.Body!.Headers[HeaderId.ContentLanguage]);
    }

    [Fact]
    public void An_unknown_kind_is_reported_with_kind_and_audience()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Strict.Resolve("moon-landing", Audience.Newcomer, "nb"));

        Assert.Contains("moon-landing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_employer_folder_overrides_one_template_and_leaves_the_rest()
    {
        var folder = Directory.CreateTempSubdirectory("retention-templates-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "nb", "ildsjel"));
            File.WriteAllText(Path.Combine(folder.FullName, "nb", "ildsjel", "welcome-lunch.liquid"),
                "subject: Lunsj med {{ newcomer.name }} i kantina vår\nactions: done\n---\nVi spanderer, {{ recipient.name }}.");

            var catalog = Strict.WithOverridesFromDirectory(folder.FullName);
            var message = ContentFixtures.Renderer(catalog).Render(ContentFixtures.Enrollment(), [ContentFixtures.Nudge("welcome-lunch", Audience.Ildsjel, new LocalDateTime(2027, 3, 5, 9, 0))], Now);

            Assert.Equal("Lunsj med Audrey i kantina vår", message.Subject);
            Assert.Contains("Vi spanderer, Karianne.", message.TextBody, StringComparison.Ordinal);
            Assert.Equal(["done"], catalog.Resolve("welcome-lunch", Audience.Ildsjel, "nb").Template.Actions);
            Assert.Equal(Strict.Resolve("first-day", Audience.Ildsjel, "nb").Template.Source, catalog.Resolve("first-day", Audience.Ildsjel, "nb").Template.Source);
            Assert.NotEqual("Lunsj med Audrey i kantina vår", ContentFixtures.Renderer(Strict).Render(ContentFixtures.Enrollment(), [ContentFixtures.Nudge("welcome-lunch", Audience.Ildsjel, new LocalDateTime(2027, 3, 5, 9, 0))], Now).Subject);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("nb/ildsjel/first-day.liquid", "subject: x\n---\n{% if newcomer.name %}never closed", "does not parse")]
    [InlineData("nb/ildsjel/first-day.liquid", "---\nbody without subject", "no subject")]
    [InlineData("nb/ildsjel/first-day.liquid", "subject: x\n\nbody without separator", "no '---'")]
    [InlineData("nb/ildsjel/first-day.liquid", "subject: x\nactions: done, celebrate\n---\nbody", "celebrate")]
    [InlineData("nb/colleagues/first-day.liquid", "subject: x\n---\nbody", "is not")]
    [InlineData("de/strings.json", "{ \"greeting\": \"Hallo {name},\" }", "de/strings.json is not valid")]
    public void A_broken_override_is_rejected_when_loaded_not_when_sending(string path, string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Strict.WithOverrides([KeyValuePair.Create(path, text)]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static string SampleStrings()
    {
        using var stream = typeof(TemplateCatalog).Assembly.GetManifestResourceStream("Retention.Core.Content.Templates/en/strings.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact]
    public void A_runaway_loop_in_an_override_fails_instead_of_hanging()
    {
        var catalog = Strict.WithOverrides([KeyValuePair.Create("en/newcomer/easter.liquid", "subject: x\n---\n{% for i in (1..100000000) %}{{ i }}{% endfor %}")]);

        Assert.ThrowsAny<Exception>(() => ContentFixtures.Renderer(catalog).Render(
            ContentFixtures.Enrollment(), [ContentFixtures.Nudge("easter", Audience.Newcomer, new LocalDateTime(2027, 3, 15, 9, 0), "easter")], Now, "en"));
    }
}
