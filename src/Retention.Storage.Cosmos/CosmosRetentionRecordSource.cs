using Retention.Core.Storage;

namespace Retention.Storage.Cosmos;

/// <summary>
/// Dashboard records on Cosmos DB: built per enrolment over point reads (the store has no set-based read), tagged
/// with the change stamp the change-feed trigger keeps (<see cref="CosmosDashboardChangeStamp"/>), so repeated
/// dashboard requests are answered from the report cache. The stamp trails a write by the change feed's delay
/// (typically seconds), so for that long a request can still get the report from before the write. Only for a
/// host that runs the change-feed trigger (the Functions app): without it the stamp never moves.
/// </summary>
public sealed class CosmosRetentionRecordSource(
    CosmosDashboardChangeStamp stamps, IEnrollmentStore enrollments, INudgeStore nudges, IEventStore events) : IRetentionRecordSource
{
    private readonly PerEnrollmentRecordSource _records = new(enrollments, nudges, events);

    public async Task<long?> ChangeStampAsync(string employerId, CancellationToken cancellationToken) =>
        await stamps.ReadAsync(employerId, cancellationToken);

    public async Task<RetentionRecordSet> ReadAsync(string employerId, CancellationToken cancellationToken)
    {
        // The stamp first: the records read after it are at least as new as it, so a report tagged with it is never
        // older than what the stamp stands for.
        var stamp = await stamps.ReadAsync(employerId, cancellationToken);
        var set = await _records.ReadAsync(employerId, cancellationToken);
        return set with { ChangeStamp = stamp };
    }
}
