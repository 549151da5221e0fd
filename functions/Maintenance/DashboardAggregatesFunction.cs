using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Retention.Core.Maintenance;
using Retention.Storage.Cosmos;

namespace Retention.Functions.Maintenance;

/// <summary>
/// Cosmos DB change feed of the employer data container (enrolments, nudges, journeys, events): refresh the
/// aggregates of every employer whose records changed — with <c>AddRetentionCosmosDashboardStamps</c>, move the
/// employer's dashboard change stamp so the next dashboard request recomputes. A failure throws, so the host's retry
/// policy (host.json) re-runs the batch before the change feed moves on. Should no <see cref="IDashboardAggregates"/>
/// be registered, the trigger logs that and returns rather than failing the whole app at start-up.
/// </summary>
public sealed class DashboardAggregatesFunction(ILogger<DashboardAggregatesFunction> logger, IDashboardAggregates? aggregates = null)
{
    // The database and container the Cosmos store writes to, as binding expressions over its own settings.
    private const string DatabaseSetting = "%" + CosmosStoreOptions.SectionName + ":" + nameof(CosmosStoreOptions.Database) + "%";
    private const string DataContainerSetting = "%" + CosmosStoreOptions.SectionName + ":" + nameof(CosmosStoreOptions.DataContainer) + "%";

    [Function(nameof(DashboardAggregatesFunction))]
    public async Task Run(
        [CosmosDBTrigger(DatabaseSetting, DataContainerSetting, Connection = "CosmosDBConnection", LeaseContainerName = "leases", LeaseContainerPrefix = "aggregates-")] IReadOnlyList<ChangedDocument> changes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (aggregates is null)
        {
            logger.LogWarning("Dashboard aggregates are not configured; {Changes} changed documents left unaggregated", changes.Count);
            return;
        }

        var employers = changes.Select(c => c.EmployerId).OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        logger.LogInformation("{Changes} changed documents touch {Employers} employers", changes.Count, employers.Count);
        foreach (var employerId in employers)
        {
            await aggregates.RefreshAsync(employerId, cancellationToken);
        }
    }
}
