using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Retention.Core.Content;
using Retention.Core.Regions;

namespace Retention.Feeds.Tests;

/// <summary>Feeds, calendars and a fetcher composed as a host would, with limits set per test.</summary>
internal static class Feeds
{
    public static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public static readonly Interval March2027 = new(Instant.FromUtc(2027, 3, 1, 0, 0), Instant.FromUtc(2027, 4, 1, 0, 0));

    /// <summary>A weekly Tuesday language café from January 2026: five occurrences in March 2027.</summary>
    public const string WeeklyCafe = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        + "BEGIN:VEVENT\r\nUID:cafe@test\r\nDTSTAMP:20260101T000000Z\r\n"
        + "DTSTART;TZID=Europe/Oslo:20260106T180000\r\nDTEND;TZID=Europe/Oslo:20260106T193000\r\n"
        + "RRULE:FREQ=WEEKLY;BYDAY=TU\r\nSUMMARY:Language café\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    public static readonly LocalEvent GoodEvent = new("Haugesund", "Last good market", Instant.FromUtc(2027, 3, 6, 10, 0), Instant.FromUtc(2027, 3, 6, 14, 0));

    public static RegionFeed Feed(string url, params LocalEvent[] events) => new()
    {
        RegionId = "haugalandet",
        Id = "events",
        Url = url,
        Municipality = "Haugesund",
        CreatedAt = Instant.FromUtc(2026, 1, 1, 0, 0),
        LastSuccessAt = Instant.FromUtc(2026, 1, 1, 0, 0),
        Events = events,
    };

    public static RegionFeedFetcher Fetcher(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{RegionFeedOptions.SectionName}:AllowLoopback"] = "true",
            [$"{RegionFeedOptions.SectionName}:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings)
        {
            values[$"{RegionFeedOptions.SectionName}:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddRetentionFeeds(configuration).BuildServiceProvider(validateScopes: true);
        return services.GetRequiredService<RegionFeedFetcher>();
    }
}
