using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Retention.Core.Maintenance;

namespace Retention.Functions.Maintenance;

/// <summary>
/// Cosmos DB change feed of the containers the dashboard is computed from: refresh the aggregates of every employer
/// whose records changed. One lease prefix per container so the three triggers share the `leases` container.
/// A failure throws, so the host's retry policy (host.json) re-runs the batch before the change feed moves on.
/// </summary>
public sealed class DashboardAggregatesFunction(IDashboardAggregates aggregates, ILogger<DashboardAggregatesFunction> logger)
{
    private const string Database = "retention";

    [Function("RefreshAggregatesOnEnrollments")]
    public Task Enrollments([CosmosDBTrigger(Database, "enrollments", Connection = "CosmosDBConnection", LeaseContainerName = "leases", LeaseContainerPrefix = "enrollments-")] IReadOnlyList<ChangedDocument> changes, CancellationToken cancellationToken) =>
        RefreshAsync(changes, cancellationToken);

    [Function("RefreshAggregatesOnNudges")]
    public Task Nudges([CosmosDBTrigger(Database, "nudges", Connection = "CosmosDBConnection", LeaseContainerName = "leases", LeaseContainerPrefix = "nudges-")] IReadOnlyList<ChangedDocument> changes, CancellationToken cancellationToken) =>
        RefreshAsync(changes, cancellationToken);

    [Function("RefreshAggregatesOnEvents")]
    public Task Events([CosmosDBTrigger(Database, "events", Connection = "CosmosDBConnection", LeaseContainerName = "leases", LeaseContainerPrefix = "events-")] IReadOnlyList<ChangedDocument> changes, CancellationToken cancellationToken) =>
        RefreshAsync(changes, cancellationToken);

    private async Task RefreshAsync(IReadOnlyList<ChangedDocument> changes, CancellationToken cancellationToken)
    {
        var employers = changes.Select(c => c.EmployerId).OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        logger.LogInformation("{Changes} changed documents touch {Employers} employers", changes.Count, employers.Count);
        foreach (var employerId in employers)
        {
            await aggregates.RefreshAsync(employerId, cancellationToken);
        }
    }
}
