namespace Retention.Feeds;

/// <summary>A fetch that failed for a reason already put in short words without secrets (the feed's LastError).</summary>
internal sealed class FeedFetchFailure(string reason) : Exception(reason);
