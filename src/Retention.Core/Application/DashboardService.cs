using NodaTime;
using Retention.Core.Analytics;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>
/// Builds the dashboard from the store through <see cref="IRetentionRecordSource"/>. A computed report is kept per
/// (employer, query) with the store's change stamp it was computed at; the next request for the same query reads
/// only the stamp and answers from memory while it is unchanged. Any write the records depend on moves the stamp,
/// so the next request recomputes: the figures are always those of the data at the moment of the request, never
/// an older cached copy. Stores without a cheap stamp get no caching.
/// </summary>
public sealed class DashboardService(IRetentionRecordSource source, RetentionClock clock)
{
    // Enough for every employer's default view plus a few custom ranges; the cache is cleared when it overflows.
    // One full computation at a time: at 1 M newcomers each holds a few hundred MB of records while it runs, and
    // concurrent requests for the same view then find the report the first one cached.
    private readonly ChangeStampCache<DashboardQuery, DashboardReport> _reports = new(capacity: 256);

    public LocalDate Today => clock.Today;

    /// <summary>Every record of the employer (for the per-newcomer CSV).</summary>
    public async Task<IReadOnlyList<RetentionRecord>> RecordsAsync(string employerId, CancellationToken cancellationToken) =>
        (await source.ReadAsync(employerId, cancellationToken)).Records;

    /// <summary>The report for <paramref name="query"/>, from the cache when nothing changed since it was computed.</summary>
    public Task<DashboardReport> ReportAsync(DashboardQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _reports.GetAsync(
            query,
            ct => source.ChangeStampAsync(query.EmployerId, ct),
            async ct =>
            {
                var set = await source.ReadAsync(query.EmployerId, ct);
                return (DashboardReport.Compute(set.Records, query), set.ChangeStamp);
            },
            cancellationToken);
    }

    /// <summary>Computes and caches the employer's default view (as of today), so the next request is answered from memory.</summary>
    public Task WarmAsync(string employerId, CancellationToken cancellationToken) =>
        ReportAsync(new DashboardQuery { EmployerId = employerId, To = Today }, cancellationToken);
}
