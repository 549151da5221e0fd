using Microsoft.Azure.Cosmos;
using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Maintenance;

namespace Retention.Storage.Cosmos;

/// <summary>
/// Queued nudges long past their firing time, across employers: the one cross-partition query, run by the hourly
/// housekeeping only, on the indexed <c>firesAtMs</c> that only queued nudge documents carry.
/// </summary>
public sealed class CosmosStrandedNudgeQuery(CosmosDatabase database) : IStrandedNudgeQuery
{
    public async Task<IReadOnlyList<Nudge>> ListStrandedAsync(Instant firesBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var query = new QueryDefinition(
                "SELECT * FROM c WHERE c.type = 'nudge' AND c.firesAtMs < @before ORDER BY c.firesAtMs ASC OFFSET 0 LIMIT @limit")
            .WithParameter("@before", firesBefore.ToUnixTimeMilliseconds())
            .WithParameter("@limit", limit);
        var stranded = new List<Nudge>();
        using var iterator = database.Data.GetItemQueryIterator<NudgeDocument>(query, requestOptions: new QueryRequestOptions { MaxItemCount = limit });
        while (iterator.HasMoreResults && stranded.Count < limit)
        {
            var response = await iterator.ReadNextAsync(cancellationToken);
            database.Items.Observe("query", database.Data, response.Diagnostics, response.RequestCharge);
            stranded.AddRange(response.Select(d => d.ToNudge(d.ETag ?? "")));
        }

        return stranded.Take(limit).ToList();
    }
}
