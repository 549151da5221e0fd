using Microsoft.Azure.Cosmos;
using Retention.Core.Regions;
using Retention.Core.Storage;

namespace Retention.Storage.Cosmos;

/// <summary>Employers' settings in Cosmos DB: one document in the employer's partition, point reads and ETag compare-and-set.</summary>
public sealed class CosmosEmployerSettingsStore(CosmosDatabase database) : IEmployerSettingsStore
{
    public async Task<EmployerSettings?> GetAsync(string employerId, CancellationToken cancellationToken)
    {
        var (document, etag) = await database.Items.ReadAsync<EmployerSettingsDocument>(database.Data, CosmosIds.EmployerSettings, employerId, cancellationToken);
        return document is null ? null : document.Settings with { Version = etag! };
    }

    public async Task<EmployerSettings?> SaveAsync(EmployerSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var document = new EmployerSettingsDocument(CosmosIds.EmployerSettings, settings.EmployerId, settings.ShareWithRegion, settings with { Version = "" });
        var etag = settings.Version.Length == 0
            ? await database.Items.CreateAsync(database.Data, document, settings.EmployerId, cancellationToken)
            : await database.Items.ReplaceAsync(database.Data, document, CosmosIds.EmployerSettings, settings.EmployerId, settings.Version, cancellationToken);
        return etag is null ? null : settings with { Version = etag };
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The one cross-partition query here, on the indexed <c>type</c>; <c>shareWithRegion</c> is not indexed, so it is
    /// read back and filtered here (one small document per employer that has settings at all). Not on a hot path.
    /// </remarks>
    public async Task<IReadOnlyList<string>> SharingEmployersAsync(CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT c.employerId, c.shareWithRegion FROM c WHERE c.type = 'employerSettings'");
        var employers = new List<string>();
        using var iterator = database.Data.GetItemQueryIterator<SharingRow>(query);
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken);
            database.Items.Observe("query", database.Data, page.Diagnostics, page.RequestCharge);
            employers.AddRange(page.Where(row => row.ShareWithRegion).Select(row => row.EmployerId));
        }

        return [.. employers.Order(StringComparer.Ordinal)];
    }

    private sealed record SharingRow(string EmployerId, bool ShareWithRegion);
}
