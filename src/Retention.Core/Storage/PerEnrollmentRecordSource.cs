using Retention.Core.Analytics;

namespace Retention.Core.Storage;

/// <summary>
/// The records built over the ordinary ports, one enrolment at a time (a journey, check-in and outcome read per
/// enrolment). Correct on any store, slow at scale; the stores that can, register a set-based source instead.
/// It has no cheap change stamp, so nothing built from it is cached.
/// </summary>
public sealed class PerEnrollmentRecordSource(IEnrollmentStore enrollments, INudgeStore nudges, IEventStore events) : IRetentionRecordSource
{
    private const int PageSize = 200;

    public Task<long?> ChangeStampAsync(string employerId, CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    public async Task<RetentionRecordSet> ReadAsync(string employerId, CancellationToken cancellationToken)
    {
        var records = new List<RetentionRecord>();
        string? cursor = null;
        do
        {
            var page = await enrollments.ListAsync(employerId, null, cursor, PageSize, cancellationToken);
            foreach (var enrollment in page.Items)
            {
                var journey = await nudges.GetJourneyAsync(employerId, enrollment.Id, cancellationToken);
                var checkIns = await events.GetCheckInsAsync(employerId, enrollment.Id, cancellationToken);
                var outcomes = await events.GetOutcomesAsync(employerId, enrollment.Id, cancellationToken);
                records.Add(RetentionRecord.From(enrollment, journey, checkIns, outcomes));
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return new RetentionRecordSet(records, null);
    }
}
