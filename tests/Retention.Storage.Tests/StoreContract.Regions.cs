using NodaTime;
using Retention.Core.Content;
using Retention.Core.Regions;
using Retention.Core.Storage;

namespace Retention.Storage.Tests;

public abstract partial class StoreContract
{
    protected abstract IRegionStore Regions { get; }

    [SkippableFact]
    public async Task A_region_and_its_feed_round_trip()
    {
        var region = NewRegion(out var municipalities);
        var feed = NewFeed(region.Id, municipalities[0]);

        var save = await Regions.SaveAsync(region, Ct);
        var savedFeed = await Regions.SaveFeedAsync(feed, Ct);

        Assert.Equal(RegionSaveOutcome.Created, save.Outcome);
        Assert.NotEqual("", save.Region!.Version);
        var read = await Regions.GetAsync(region.Id, Ct);
        Assert.Equal((region.Document, region.UpdatedAt, save.Region.Version), (read!.Document, read.UpdatedAt, read.Version));
        Assert.Equal(region.Municipalities, read.Municipalities);
        Assert.NotNull(savedFeed);
        var readFeed = await Regions.GetFeedAsync(region.Id, feed.Id, Ct);
        Assert.Equal(feed.Events, readFeed!.Events);
        Assert.Equal(feed with { Events = [], Version = "" }, readFeed with { Events = [], Version = "" });
        Assert.Equal(savedFeed.Version, readFeed.Version);
        Assert.Equal([feed.Id], (await Regions.GetFeedsAsync(region.Id, Ct)).Select(f => f.Id));
        Assert.Null(await Regions.GetAsync(StoreTestData.NewId("region"), Ct));
        Assert.Null(await Regions.GetFeedAsync(region.Id, "no-such-feed", Ct));
    }

    [SkippableFact]
    public async Task A_stale_or_repeated_region_write_is_a_version_conflict()
    {
        var region = NewRegion(out _);
        var created = (await Regions.SaveAsync(region, Ct)).Region!;

        var twice = await Regions.SaveAsync(region with { Document = "{\"twice\":true}" }, Ct);
        var updated = await Regions.SaveAsync(created with { Document = "{\"edited\":true}" }, Ct);
        var stale = await Regions.SaveAsync(created with { Document = "{\"stale\":true}" }, Ct);

        Assert.Equal(RegionSaveOutcome.VersionConflict, twice.Outcome);
        Assert.Equal(RegionSaveOutcome.Updated, updated.Outcome);
        Assert.NotEqual(created.Version, updated.Region!.Version);
        Assert.Equal(RegionSaveOutcome.VersionConflict, stale.Outcome);
        Assert.Null(stale.Region);
        Assert.Equal("{\"edited\":true}", (await Regions.GetAsync(region.Id, Ct))!.Document);
        Assert.Equal(RegionSaveOutcome.VersionConflict, (await Regions.SaveAsync(NewRegion(out _) with { Version = "1" }, Ct)).Outcome);
    }

    [SkippableFact]
    public async Task A_municipality_of_another_region_is_refused_whatever_its_case_and_nothing_is_written()
    {
        var first = NewRegion(out var municipalities);
        await Regions.SaveAsync(first, Ct);
        var own = StoreTestData.NewId("Sveio");
        var second = NewRegion(out _) with { Municipalities = [own, municipalities[1].ToUpperInvariant()] };

        var save = await Regions.SaveAsync(second, Ct);

        Assert.Equal(RegionSaveOutcome.MunicipalityTaken, save.Outcome);
        Assert.Equal((municipalities[1].ToUpperInvariant(), first.Id), (save.TakenMunicipality, save.TakenByRegion));
        Assert.Null(await Regions.GetAsync(second.Id, Ct));
        Assert.Null(await Regions.RegionOfAsync(own, Ct));
        Assert.Equal(first.Id, await Regions.RegionOfAsync(municipalities[1].ToLowerInvariant(), Ct));
        Assert.Equal(first.Id, await Regions.RegionOfAsync(municipalities[0].ToUpperInvariant(), Ct));
    }

    [SkippableFact]
    public async Task A_municipality_a_region_releases_can_be_claimed_by_another()
    {
        var first = NewRegion(out var municipalities);
        var stored = (await Regions.SaveAsync(first, Ct)).Region!;
        var second = NewRegion(out _) with { Municipalities = [municipalities[1]] };
        Assert.Equal(RegionSaveOutcome.MunicipalityTaken, (await Regions.SaveAsync(second, Ct)).Outcome);

        var released = await Regions.SaveAsync(stored with { Municipalities = [municipalities[0]] }, Ct);
        var claimed = await Regions.SaveAsync(second, Ct);

        Assert.Equal(RegionSaveOutcome.Updated, released.Outcome);
        Assert.Equal(RegionSaveOutcome.Created, claimed.Outcome);
        Assert.Equal(first.Id, await Regions.RegionOfAsync(municipalities[0], Ct));
        Assert.Equal(second.Id, await Regions.RegionOfAsync(municipalities[1], Ct));
        Assert.Null(await Regions.RegionOfAsync(StoreTestData.NewId("Nowhere"), Ct));
    }

    [SkippableFact]
    public async Task Concurrent_regions_claiming_one_municipality_leave_it_to_exactly_one()
    {
        var contested = StoreTestData.NewId("Karmoy");
        var attempts = Enumerable.Range(0, 10).Select(i => NewRegion(out _) with { Municipalities = [contested] }).ToList();

        var saves = await Task.WhenAll(attempts.Select(r => Task.Run(() => Regions.SaveAsync(r, Ct))));

        var winner = Assert.Single(saves, s => s.Outcome == RegionSaveOutcome.Created);
        Assert.All(saves.Where(s => s != winner), s => Assert.Equal(RegionSaveOutcome.MunicipalityTaken, s.Outcome));
        Assert.Equal(winner.Region!.Id, await Regions.RegionOfAsync(contested, Ct));
        foreach (var loser in attempts.Where(r => r.Id != winner.Region.Id))
        {
            Assert.Null(await Regions.GetAsync(loser.Id, Ct));
        }
    }

    [SkippableFact]
    public async Task Concurrent_updates_of_one_region_leave_the_winners_municipalities_claimed()
    {
        var region = (await Regions.SaveAsync(NewRegion(out var municipalities), Ct)).Region!;
        var added = StoreTestData.NewId("Bokn");
        var edits = Enumerable.Range(0, 6).Select(i => region with { Municipalities = [.. municipalities, added], Document = "{\"edit\":" + i + "}" });

        var saves = await Task.WhenAll(edits.Select(r => Task.Run(() => Regions.SaveAsync(r, Ct))));

        var winner = Assert.Single(saves, s => s.Outcome == RegionSaveOutcome.Updated);
        Assert.All(saves.Where(s => s != winner), s => Assert.Equal(RegionSaveOutcome.VersionConflict, s.Outcome));
        Assert.Equal(winner.Region!.Document, (await Regions.GetAsync(region.Id, Ct))!.Document);
        Assert.Equal(region.Id, await Regions.RegionOfAsync(added, Ct));
        var other = NewRegion(out _) with { Municipalities = [added] };
        Assert.Equal(RegionSaveOutcome.MunicipalityTaken, (await Regions.SaveAsync(other, Ct)).Outcome);
    }

    [SkippableFact]
    public async Task The_stamp_moves_with_the_region_and_with_each_feed_write()
    {
        var region = (await Regions.SaveAsync(NewRegion(out var municipalities), Ct)).Region!;
        var stamps = new List<string> { await StampOfAsync(region.Id) };

        var feed = (await Regions.SaveFeedAsync(NewFeed(region.Id, municipalities[0]), Ct))!;
        stamps.Add(await StampOfAsync(region.Id));
        await Regions.SaveFeedAsync(feed with { LastAttemptAt = StoreTestData.Now + Duration.FromHours(1) }, Ct);
        stamps.Add(await StampOfAsync(region.Id));
        Assert.True(await Regions.DeleteFeedAsync(region.Id, feed.Id, Ct));
        stamps.Add(await StampOfAsync(region.Id));
        await Regions.SaveAsync(region with { Document = "{\"edited\":true}" }, Ct);
        stamps.Add(await StampOfAsync(region.Id));
        Assert.False(await Regions.DeleteFeedAsync(region.Id, feed.Id, Ct));

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
        Assert.Equal(stamps[^1], await StampOfAsync(region.Id));
    }

    [SkippableFact]
    public async Task Feed_writes_are_compare_and_set_and_a_deleted_feed_is_gone()
    {
        var region = (await Regions.SaveAsync(NewRegion(out var municipalities), Ct)).Region!;
        var feed = NewFeed(region.Id, municipalities[0]);
        var created = (await Regions.SaveFeedAsync(feed, Ct))!;

        var twice = await Regions.SaveFeedAsync(feed, Ct);
        var updated = await Regions.SaveFeedAsync(created with { LastError = "HTTP 503", Events = [] }, Ct);
        var stale = await Regions.SaveFeedAsync(created with { LastError = "stale" }, Ct);
        var other = await Regions.SaveFeedAsync(NewFeed(region.Id, municipalities[1]), Ct);

        Assert.Null(twice);
        Assert.NotNull(updated);
        Assert.NotEqual(created.Version, updated.Version);
        Assert.Null(stale);
        var read = await Regions.GetFeedAsync(region.Id, feed.Id, Ct);
        Assert.Equal(("HTTP 503", 0), (read!.LastError, read.Events.Count));
        Assert.Equal(new[] { feed.Id, other!.Id }.Order(StringComparer.Ordinal), (await Regions.GetFeedsAsync(region.Id, Ct)).Select(f => f.Id));
        Assert.True(await Regions.DeleteFeedAsync(region.Id, feed.Id, Ct));
        Assert.Null(await Regions.GetFeedAsync(region.Id, feed.Id, Ct));
        Assert.Equal([other.Id], (await Regions.GetFeedsAsync(region.Id, Ct)).Select(f => f.Id));
        Assert.Null(await Regions.SaveFeedAsync(updated, Ct));
        Assert.NotNull(await Regions.SaveFeedAsync(feed, Ct));
    }

    private async Task<string> StampOfAsync(string regionId) =>
        Assert.Single(await Regions.StampsAsync(Ct), s => s.RegionId == regionId).Stamp;

    /// <summary>A region of its own with two municipalities no other test uses (stores may be shared between tests).</summary>
    private static Region NewRegion(out IReadOnlyList<string> municipalities)
    {
        municipalities = [StoreTestData.NewId("Haugesund"), StoreTestData.NewId("Tysvær")];
        return new Region
        {
            Id = StoreTestData.NewId("region"),
            Document = """{"name":"Haugalandet","timeZone":"Europe/Oslo","municipalities":["Haugesund","Tysvær"],"events":[]}""",
            Municipalities = municipalities,
            UpdatedAt = StoreTestData.Now,
        };
    }

    private static RegionFeed NewFeed(string regionId, string municipality) => new()
    {
        RegionId = regionId,
        Id = StoreTestData.NewId("feed"),
        Url = "https://kultur.example.no/events.ics",
        Municipality = municipality,
        CreatedAt = StoreTestData.Now,
        ETag = "\"abc\"",
        LastModified = "Mon, 01 Mar 2027 07:00:00 GMT",
        LastAttemptAt = StoreTestData.Now,
        LastSuccessAt = StoreTestData.Now,
        Events =
        [
            new LocalEvent(municipality, "Choir evening", StoreTestData.Now + Duration.FromDays(2), StoreTestData.Now + Duration.FromDays(2) + Duration.FromMinutes(90),
                Place: "Kulturhuset", Url: "https://kultur.example.no/choir", Description: "Open to everyone"),
            new LocalEvent(municipality, "Market day", Instant.FromUtc(2027, 3, 5, 23, 0), Instant.FromUtc(2027, 3, 6, 23, 0), AllDay: true),
        ],
    };
}
