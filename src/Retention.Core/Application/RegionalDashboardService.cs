using NodaTime;
using Retention.Core.Analytics;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>
/// Builds a region's dashboard from the employers that share with their regions. Each employer's
/// <see cref="EmployerAggregate"/> is kept with the change stamp it was built at (as <see cref="DashboardService"/>
/// keeps reports): a request reads only the stamp of an unchanged employer and its records only after a change.
/// Stores without a cheap stamp get no caching. An employer that stops sharing is dropped from the cache.
/// </summary>
public sealed class RegionalDashboardService(IEmployerSettingsStore settings, IRetentionRecordSource source, RetentionClock clock)
{
    // Bounded only to stay bounded: far more than the employers that share; clearing costs one read each.
    private readonly ChangeStampCache<string, EmployerAggregate> _aggregates = new(capacity: 100_000);

    public LocalDate Today => clock.Today;

    /// <summary>The dashboard of the region called <paramref name="regionName"/> with <paramref name="municipalities"/>, as of today.</summary>
    public async Task<RegionalDashboardReport> ReportAsync(string regionName, IReadOnlyCollection<string> municipalities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        var sharing = (await settings.SharingEmployersAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var stopped in _aggregates.Keys.Where(id => !sharing.Contains(id)).ToList())
        {
            _aggregates.Remove(stopped);
        }

        var aggregates = new List<EmployerAggregate>(sharing.Count);
        foreach (var employerId in sharing)
        {
            aggregates.Add(await _aggregates.GetAsync(
                employerId,
                ct => source.ChangeStampAsync(employerId, ct),
                async ct =>
                {
                    var set = await source.ReadAsync(employerId, ct);
                    return (EmployerAggregate.Of(employerId, set.Records), set.ChangeStamp);
                },
                cancellationToken));
        }

        return RegionalDashboardComputation.Compute(municipalities, aggregates, regionName, Today);
    }
}
