using NodaTime;
using Retention.Core.Analytics;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>
/// Builds the dashboard from the store: one <see cref="RetentionRecord"/> per enrolment of the employer, then the
/// report. Reads every enrolment of the employer (paged); fine for thousands, not the incremental design the
/// large-scale target needs (see docs/benchmarks.md).
/// </summary>
public sealed class DashboardService(IEnrollmentStore enrollments, INudgeStore nudges, IEventStore events, RetentionClock clock)
{
    private const int PageSize = 200;

    public LocalDate Today => clock.Today;

    public async Task<IReadOnlyList<RetentionRecord>> RecordsAsync(string employerId, CancellationToken cancellationToken)
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

        return records;
    }
}
