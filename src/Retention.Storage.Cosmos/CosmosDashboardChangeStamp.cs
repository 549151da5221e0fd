using Retention.Core.Maintenance;

namespace Retention.Storage.Cosmos;

/// <summary>
/// The Cosmos DB side of the dashboard cache: the change-feed trigger calls <see cref="RefreshAsync"/> for every
/// employer whose documents changed, which moves that employer's change stamp (an ETag compare-and-set on one
/// document, retried on a conflict). <see cref="CosmosRetentionRecordSource"/> reads it, so a cached report is
/// recomputed on the next request after the feed has seen a change.
/// </summary>
public sealed class CosmosDashboardChangeStamp(CosmosDatabase database) : IDashboardAggregates
{
    private const int MaxAttempts = 10;

    public async Task RefreshAsync(string employerId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (current, etag) = await database.Items.ReadAsync<DashboardStampDocument>(
                database.Aggregates, DashboardStampDocument.DocumentId, employerId, cancellationToken);
            var written = current is null
                ? await database.Items.CreateAsync(database.Aggregates, new DashboardStampDocument(employerId, 1), employerId, cancellationToken)
                : await database.Items.ReplaceAsync(
                    database.Aggregates, current with { Stamp = current.Stamp + 1 }, DashboardStampDocument.DocumentId, employerId, etag!, cancellationToken);
            if (written is not null)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The dashboard change stamp of {employerId} kept changing under {MaxAttempts} attempts.");
    }

    /// <summary>The employer's stamp: 0 until the change feed first reports a change.</summary>
    internal async Task<long> ReadAsync(string employerId, CancellationToken cancellationToken)
    {
        var (current, _) = await database.Items.ReadAsync<DashboardStampDocument>(
            database.Aggregates, DashboardStampDocument.DocumentId, employerId, cancellationToken);
        return current?.Stamp ?? 0;
    }
}
