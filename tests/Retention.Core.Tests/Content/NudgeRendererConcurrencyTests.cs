using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Content;

/// <summary>Hosts keep one renderer (and one parsed template set) for every thread.</summary>
public sealed class NudgeRendererConcurrencyTests
{
    [Fact]
    public async Task Rendering_in_parallel_gives_the_same_messages_as_one_at_a_time()
    {
        var renderer = ContentFixtures.Renderer();
        var now = Instant.FromUtc(2027, 3, 8, 8, 0);
        var jobs = ContentFixtures.AllKinds.SelectMany(k => new[] { "en", "nb" }.Select(lang => (k.Kind, k.Audience, lang))).ToList();
        string Render((string Kind, Audience Audience, string Language) job) =>
            renderer.Render(ContentFixtures.Enrollment(), [ContentFixtures.Nudge(job.Kind, job.Audience, new LocalDateTime(2027, 3, 8, 9, 0), "month-3")], now, job.Language).TextBody!;

        var sequential = jobs.Select(Render).ToList();
        var parallel = await Task.WhenAll(Enumerable.Range(0, 8).SelectMany(_ => jobs.Select((job, i) => Task.Run(() => (i, Render(job))))));

        Assert.All(parallel, result => Assert.Equal(sequential[result.i], result.Item2));
    }
}
