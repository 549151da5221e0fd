using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, StampedAggregate> _aggregates = new(StringComparer.Ordinal);

    // One employer's records in memory at a time, and concurrent requests then find the aggregate the first one built.
    private readonly SemaphoreSlim _reading = new(1, 1);

    public LocalDate Today => clock.Today;

    /// <summary>The dashboard of the region called <paramref name="regionName"/> with <paramref name="municipalities"/>, as of today.</summary>
    public async Task<RegionalDashboardReport> ReportAsync(string regionName, IReadOnlyCollection<string> municipalities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        var sharing = (await settings.SharingEmployersAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in _aggregates.Keys.Where(id => !sharing.Contains(id)))
        {
            _aggregates.TryRemove(stale, out _);
        }

        var aggregates = new List<EmployerAggregate>(sharing.Count);
        foreach (var employerId in sharing)
        {
            aggregates.Add(await AggregateAsync(employerId, cancellationToken));
        }

        return RegionalDashboardComputation.Compute(municipalities, aggregates, regionName, Today);
    }

    private async Task<EmployerAggregate> AggregateAsync(string employerId, CancellationToken cancellationToken)
    {
        if (await FreshAsync(employerId, cancellationToken) is { } cached)
        {
            return cached;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (await FreshAsync(employerId, cancellationToken) is { } builtMeanwhile)
            {
                return builtMeanwhile;
            }

            var set = await source.ReadAsync(employerId, cancellationToken);
            var aggregate = EmployerAggregate.Of(employerId, set.Records);
            if (set.ChangeStamp is { } stamp)
            {
                _aggregates[employerId] = new StampedAggregate(stamp, aggregate);
            }

            return aggregate;
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task<EmployerAggregate?> FreshAsync(string employerId, CancellationToken cancellationToken)
    {
        if (!_aggregates.TryGetValue(employerId, out var cached))
        {
            return null;
        }

        var stamp = await source.ChangeStampAsync(employerId, cancellationToken);
        return stamp == cached.ChangeStamp ? cached.Aggregate : null;
    }

    private sealed record StampedAggregate(long ChangeStamp, EmployerAggregate Aggregate);
}
