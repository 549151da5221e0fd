using NodaTime;
using Retention.Core.Content;

namespace Retention.Core.Tests.Content;

public sealed class InMemoryRegionalContentSourceTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 8, 9, 0);
    private static readonly Interval NextFortnight = new(Now, Now + Duration.FromDays(14));

    private static LocalEvent At(string municipality, string title, Instant start, Duration length) =>
        new(municipality, title, start, start + length);

    private static InMemoryRegionalContentSource Source() => new(new RegionalContent
    {
        Region = "r",
        Name = "Region",
        Municipalities = ["Haugesund", "Karmøy"],
        Events =
        [
            At("Haugesund", "ended just before", Now - Duration.FromHours(2), Duration.FromHours(2)),
            At("Haugesund", "still running", Now - Duration.FromHours(1), Duration.FromHours(2)),
            At("Haugesund", "tomorrow", Now + Duration.FromDays(1), Duration.FromHours(2)),
            At("Haugesund", "last minute of the window", Now + Duration.FromDays(14) - Duration.FromMinutes(1), Duration.FromHours(1)),
            At("Haugesund", "starts as the window closes", Now + Duration.FromDays(14), Duration.FromHours(1)),
            At("Karmøy", "next door", Now + Duration.FromDays(2), Duration.FromHours(2)),
        ],
        Services = [new MunicipalService("Haugesund", MunicipalServiceKind.School, "School", "d", "https://example.org")],
    });

    [Fact]
    public void Events_overlapping_the_next_fourteen_days_are_bound_and_nothing_else()
    {
        var found = Source().Find("Haugesund", NextFortnight);

        Assert.Equal(["still running", "tomorrow", "last minute of the window"], found.Events.Select(e => e.Title));
    }

    [Fact]
    public void Events_elsewhere_in_the_region_are_offered_as_nearby()
    {
        var found = Source().Find("Haugesund", NextFortnight);

        Assert.Equal("next door", Assert.Single(found.NearbyEvents).Title);
        Assert.Equal("Region", found.RegionName);
    }

    [Fact]
    public void The_window_moves_with_render_time()
    {
        var later = new Interval(Now + Duration.FromDays(10), Now + Duration.FromDays(24));

        var found = Source().Find("Haugesund", later);

        Assert.Equal(["last minute of the window", "starts as the window closes"], found.Events.Select(e => e.Title));
    }

    [Fact]
    public void Municipality_names_match_without_regard_to_case()
    {
        Assert.Single(Source().Find("HAUGESUND", NextFortnight).Services);
    }

    [Fact]
    public void An_unknown_municipality_gets_empty_content()
    {
        var found = Source().Find("Bergen", NextFortnight);

        Assert.Empty(found.Events);
        Assert.Empty(found.Services);
        Assert.Null(found.RegionName);
    }

    [Fact]
    public void Adding_the_same_region_again_merges_its_items()
    {
        var source = Source();
        source.Add(new RegionalContent
        {
            Region = "r",
            Name = "Region",
            Events = [At("Haugesund", "added later", Now + Duration.FromDays(3), Duration.FromHours(1))],
        });

        Assert.Contains(source.Find("Haugesund", NextFortnight).Events, e => e.Title == "added later");
        Assert.Single(source.Regions);
    }
}
