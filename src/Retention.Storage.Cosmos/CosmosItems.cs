using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace Retention.Storage.Cosmos;

/// <summary>
/// Point operations through the SDK's stream API, so that the expected outcomes (404, 409, 412) are
/// status codes rather than exceptions. Logs the SDK's diagnostics for every slow operation.
/// </summary>
internal sealed class CosmosItems(CosmosSerializer serializer, ILogger logger, TimeSpan diagnosticsThreshold)
{
    public async Task<(T? Document, string? ETag)> ReadAsync<T>(Container container, string id, string partitionKey, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken);
        Observe("read", container, response);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, null);
        }

        response.EnsureSuccessStatusCode();
        return (serializer.FromStream<T>(response.Content), response.Headers.ETag);
    }

    /// <summary>Creates the document; null (and nothing written) when its id already exists in the partition.</summary>
    public async Task<string?> CreateAsync<T>(Container container, T document, string partitionKey, CancellationToken cancellationToken)
    {
        using var body = serializer.ToStream(document);
        using var response = await container.CreateItemStreamAsync(body, new PartitionKey(partitionKey), cancellationToken: cancellationToken);
        Observe("create", container, response);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return response.Headers.ETag;
    }

    /// <summary>Replaces the document if its ETag still matches; returns the new ETag, or null when it changed or is gone.</summary>
    public async Task<string?> ReplaceAsync<T>(Container container, T document, string id, string partitionKey, string ifMatch, CancellationToken cancellationToken)
    {
        using var body = serializer.ToStream(document);
        using var response = await container.ReplaceItemStreamAsync(
            body, id, new PartitionKey(partitionKey), new ItemRequestOptions { IfMatchEtag = ifMatch }, cancellationToken);
        Observe("replace", container, response);
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return response.Headers.ETag;
    }

    /// <summary>Deletes the document if its ETag still matches; false when it changed or is gone.</summary>
    public async Task<bool> TryDeleteAsync(Container container, string id, string partitionKey, string ifMatch, CancellationToken cancellationToken)
    {
        using var response = await container.DeleteItemStreamAsync(id, new PartitionKey(partitionKey), new ItemRequestOptions { IfMatchEtag = ifMatch }, cancellationToken);
        Observe("delete", container, response);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    public async Task DeleteAsync(Container container, string id, string partitionKey, string? ifMatch, CancellationToken cancellationToken)
    {
        var options = ifMatch is null ? null : new ItemRequestOptions { IfMatchEtag = ifMatch };
        using var response = await container.DeleteItemStreamAsync(id, new PartitionKey(partitionKey), options, cancellationToken);
        Observe("delete", container, response);
        if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed))
        {
            response.EnsureSuccessStatusCode();
        }
    }

    public void Observe(string operation, Container container, ResponseMessage response) =>
        Observe(operation, container, response.Diagnostics, response.Headers.RequestCharge);

    public void Observe(string operation, Container container, CosmosDiagnostics? diagnostics, double requestCharge)
    {
        if (diagnostics is not null && diagnostics.GetClientElapsedTime() > diagnosticsThreshold)
        {
            logger.LogWarning(
                "Slow Cosmos DB {Operation} on {Container}: {ElapsedMs} ms, {RequestCharge} RU. Diagnostics: {Diagnostics}",
                operation, container.Id, diagnostics.GetClientElapsedTime().TotalMilliseconds, requestCharge, diagnostics.ToString());
        }
    }
}
