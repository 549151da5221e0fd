using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Retention.Core.Maintenance;

namespace Retention.Functions.Maintenance;

/// <summary>
/// Cosmos DB change feed of the employer data container (enrolments, nudges, journeys, events): refresh the
/// aggregates of every employer whose records changed. A failure throws, so the host's retry policy (host.json)
/// re-runs the batch before the change feed moves on.
/// </summary>
public sealed class DashboardAggregatesFunction(IDashboardAggregates aggregates, ILogger<DashboardAggregatesFunction> logger)
{
    [Function(nameof(DashboardAggregatesFunction))]
    public async Task Run(
        [CosmosDBTrigger("retention", "employer-data", Connection = "CosmosDBConnection", LeaseContainerName = "leases", LeaseContainerPrefix = "aggregates-")] IReadOnlyList<ChangedDocument> changes,
        CancellationToken cancellationToken)
    {
        var employers = changes.Select(c => c.EmployerId).OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        logger.LogInformation("{Changes} changed documents touch {Employers} employers", changes.Count, employers.Count);
        foreach (var employerId in employers)
        {
            await aggregates.RefreshAsync(employerId, cancellationToken);
        }
    }
}
