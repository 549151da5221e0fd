namespace Retention.Core.Maintenance;

/// <summary>
/// Keeps an employer's stored dashboard aggregates current. Called by the Cosmos DB change-feed trigger for every
/// employer whose enrolments, nudges or events changed, and by housekeeping; recomputing is idempotent, so a
/// repeated or reordered call is harmless.
/// </summary>
public interface IDashboardAggregates
{
    Task RefreshAsync(string employerId, CancellationToken cancellationToken);
}
