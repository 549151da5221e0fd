using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Retention.Core.Enrollments;
using Retention.Core.Storage;

namespace Retention.Storage.Cosmos;

/// <summary>
/// The one query of the store: an employer's enrolments, oldest first, keyset-paged within the employer's
/// partition. Served by the composite index (createdAtMs, enrollmentId) of the data container.
/// </summary>
internal static class CosmosEnrollmentListing
{
    public static async Task<Page<Enrollment>> ListAsync(
        CosmosDatabase database, string employerId, EnrollmentStatus? status, string? cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var after = cursor is null ? null : ListCursor.Parse(cursor);
        var take = limit + 1;
        var sql = "SELECT * FROM c WHERE c.employerId = @employerId AND c.type = 'enrollment'"
            + (status is null ? "" : " AND c.status = @status")
            + (after is null ? "" : " AND (c.createdAtMs > @afterMs OR (c.createdAtMs = @afterMs AND c.enrollmentId > @afterId))")
            + " ORDER BY c.createdAtMs ASC, c.enrollmentId ASC OFFSET 0 LIMIT " + take.ToString(CultureInfo.InvariantCulture);
        var query = new QueryDefinition(sql).WithParameter("@employerId", employerId);
        if (status is { } s)
        {
            query = query.WithParameter("@status", JsonNamingPolicy.CamelCase.ConvertName(s.ToString()));
        }

        if (after is not null)
        {
            query = query.WithParameter("@afterMs", after.CreatedAt).WithParameter("@afterId", after.Id);
        }

        var documents = new List<EnrollmentDocument>();
        using var iterator = database.Data.GetItemQueryIterator<EnrollmentDocument>(
            query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(employerId), MaxItemCount = take });
        while (iterator.HasMoreResults && documents.Count < take)
        {
            var response = await iterator.ReadNextAsync(cancellationToken);
            database.Items.Observe("query", database.Data, response.Diagnostics, response.RequestCharge);
            documents.AddRange(response);
        }

        var items = documents.Take(limit).Select(d => d.Enrollment with { Version = d.ETag ?? "" }).ToList();
        var next = documents.Count > limit ? new ListCursor(documents[limit - 1].CreatedAtMs, documents[limit - 1].EnrollmentId).Format() : null;
        return new Page<Enrollment>(items, next);
    }
}
