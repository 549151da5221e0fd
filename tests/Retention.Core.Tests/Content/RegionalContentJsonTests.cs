using NodaTime;
using Retention.Core.Content;

namespace Retention.Core.Tests.Content;

public sealed class RegionalContentJsonTests
{
    private const string Region = """
        {
          "region": "test", "name": "Testland", "timeZone": "Europe/Oslo",
          "municipalities": ["Haugesund", "Karmøy"],
          "events": [
            { "municipality": "Haugesund", "title": "Concert", "start": "2027-07-01T19:00", "end": "2027-07-01T21:30", "place": "Hall", "url": "https://example.org/c" },
            { "municipality": "karmøy", "title": "Market", "start": "2027-03-13", "end": "2027-03-14" },
            { "municipality": "Haugesund", "title": "Walk", "start": "2027-01-10T11:00:00" }
          ],
          "familyActivities": [ { "municipality": "Haugesund", "title": "Swim", "description": { "nb": "Basseng", "en": "Pool" }, "minAge": 3 } ],
          "services": [ { "municipality": "Karmøy", "kind": "norwegian-course", "name": "Course", "description": "Evenings", "url": "https://example.org/n" } ]
        }
        """;

    [Fact]
    public void Local_times_are_read_in_the_region_zone_across_summer_and_winter_time()
    {
        var region = RegionalContentJson.Parse(Region);

        var concert = region.Events.Single(e => e.Title == "Concert");
        Assert.Equal(Instant.FromUtc(2027, 7, 1, 17, 0), concert.Start); // CEST, UTC+2
        Assert.Equal(Instant.FromUtc(2027, 7, 1, 19, 30), concert.End);
        var walk = region.Events.Single(e => e.Title == "Walk");
        Assert.Equal(Instant.FromUtc(2027, 1, 10, 10, 0), walk.Start);  // CET, UTC+1
        Assert.Equal(walk.Start + Duration.FromHours(2), walk.End);      // no end: two hours
    }

    [Fact]
    public void A_date_without_time_is_an_all_day_event_through_its_last_day()
    {
        var market = RegionalContentJson.Parse(Region).Events.Single(e => e.Title == "Market");

        Assert.True(market.AllDay);
        Assert.Equal(Instant.FromUtc(2027, 3, 12, 23, 0), market.Start);
        Assert.Equal(Instant.FromUtc(2027, 3, 14, 23, 0), market.End);
        Assert.Equal("karmøy", market.Municipality);
    }

    [Fact]
    public void Services_and_activities_keep_their_kind_and_ages()
    {
        var region = RegionalContentJson.Parse(Region);

        Assert.Equal(MunicipalServiceKind.NorwegianCourse, Assert.Single(region.Services).Kind);
        Assert.Equal((3, 99), (region.FamilyActivities[0].MinAge, region.FamilyActivities[0].MaxAge));
    }

    [Theory]
    [InlineData("\"surprise\": 1,", "surprise")]
    [InlineData("", "events[0]")]
    public void Unknown_properties_and_bad_items_are_rejected_with_their_position(string extra, string expected)
    {
        var json = extra.Length > 0
            ? Region.Replace("\"region\": \"test\",", "\"region\": \"test\", " + extra, StringComparison.Ordinal)
            : Region.Replace("\"municipality\": \"Haugesund\", \"title\": \"Concert\"", "\"municipality\": \"Oslo\", \"title\": \"Concert\"", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => RegionalContentJson.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"start\": \"2027-07-01T19:00\", \"end\": \"2027-07-01T18:00\"", "events[0].end: is before the start")]
    [InlineData("\"start\": \"1 July\"", "not an ISO")]
    [InlineData("\"start\": \"2027-07-01T19:00\", \"url\": \"javascript:alert(1)\"", "http(s)")]
    public void Impossible_times_and_unsafe_urls_are_rejected(string fields, string expected)
    {
        var json = Region.Replace(
            "\"start\": \"2027-07-01T19:00\", \"end\": \"2027-07-01T21:30\", \"place\": \"Hall\", \"url\": \"https://example.org/c\"",
            fields,
            StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => RegionalContentJson.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_names_every_bad_item_by_its_path_at_once()
    {
        var json = """
            {
              "region": "test", "name": "Test", "timeZone": "Europe/Oslo", "municipalities": ["Haugesund", "haugesund"],
              "events": [
                { "municipality": "Haugesund", "title": "Fine", "start": "2027-07-01T19:00" },
                { "municipality": "Haugesund", "title": "Bad time", "start": "soon" },
                { "municipality": "Bergen", "title": "Elsewhere", "start": "2027-07-02" }
              ],
              "familyActivities": [ { "municipality": "Haugesund", "title": "Swim", "description": "", "minAge": 9, "maxAge": 3 } ],
              "services": [ { "municipality": "Haugesund", "kind": "kindergarten", "name": "Kindergarten", "description": "Apply", "url": "ftp://x" } ]
            }
            """;

        var (content, errors) = RegionalContentJson.Validate(json);

        Assert.Null(content);
        Assert.Equal(
            ["municipalities[1]", "events[1].start", "events[2].municipality", "familyActivities[0].description", "services[0].url"],
            errors.Select(e => e.Field));
    }

    [Fact]
    public void The_sample_region_parses_and_covers_three_municipalities()
    {
        var region = SampleRegions.Haugalandet(Instant.FromUtc(2027, 3, 1, 0, 0));

        Assert.Equal(["Haugesund", "Karmøy", "Tysvær"], region.Municipalities);
        foreach (var municipality in region.Municipalities)
        {
            foreach (var kind in new[] { MunicipalServiceKind.Kindergarten, MunicipalServiceKind.School, MunicipalServiceKind.NorwegianCourse })
            {
                Assert.Contains(region.Services, s => s.Municipality == municipality && s.Kind == kind);
            }

            Assert.Contains(region.Events, e => e.Municipality == municipality);
        }
    }

    [Fact]
    public void A_description_may_come_in_several_languages_with_english_as_default()
    {
        var swim = RegionalContentJson.Parse(Region).FamilyActivities.Single();

        Assert.Equal(("Pool", "Basseng", "Pool", "Pool"), (swim.Description, swim.DescriptionIn("nb"), swim.DescriptionIn("en"), swim.DescriptionIn("de")));
        Assert.Equal("Evenings", RegionalContentJson.Parse(Region).Services.Single().DescriptionIn("nb"));
    }
}
