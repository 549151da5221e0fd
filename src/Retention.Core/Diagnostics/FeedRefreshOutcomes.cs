namespace Retention.Core.Diagnostics;

/// <summary>How one feed fetch ended, as a metric tag.</summary>
public static class FeedRefreshOutcomes
{
    public const string Ok = "ok";
    public const string NotModified = "not-modified";
    public const string Failed = "failed";
}
