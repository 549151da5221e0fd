namespace Retention.Feeds;

/// <summary>What a conditional GET brought: the calendar text (null on 304 Not Modified) and the validators to keep.</summary>
internal sealed record FeedDownload(string? Calendar, string? ETag, string? LastModified)
{
    public bool NotModified => Calendar is null;
}
