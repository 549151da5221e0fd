using System.ComponentModel.DataAnnotations;

namespace Retention.Feeds;

/// <summary>Limits on fetching a region's iCalendar feed (<c>Retention:Regions:Feeds</c>), validated at start-up.</summary>
public sealed class RegionFeedOptions
{
    public const string SectionName = "Retention:Regions:Feeds";

    /// <summary>The whole fetch: every redirect hop, retries and reading the body.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Retention:Regions:Feeds:Timeout must be between 0.1 s and 5 min.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most body bytes read (after decompression); counted while streaming, whatever Content-Length says.</summary>
    [Range(1, 100 * 1024 * 1024, ErrorMessage = "Retention:Regions:Feeds:MaxBytes must be between 1 byte and 100 MB.")]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    [Range(0, 10, ErrorMessage = "Retention:Regions:Feeds:MaxRedirects must be between 0 and 10.")]
    public int MaxRedirects { get; set; } = 3;

    /// <summary>How often the hosts refresh each feed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Retention:Regions:Feeds:RefreshInterval must be between 1 min and 7 days.")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Lets feeds on loopback through (tests only). Private, link-local and other inner ranges stay refused.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Retries of one request on a transient failure (connection error, 408, 429, 5xx); 0 turns retrying off.</summary>
    [Range(0, 5, ErrorMessage = "Retention:Regions:Feeds:Retries must be between 0 and 5.")]
    public int Retries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones back off exponentially, with jitter, inside <see cref="Timeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Retention:Regions:Feeds:RetryDelay must be between 0 and 1 min.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
