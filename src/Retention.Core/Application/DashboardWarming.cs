using Retention.Core.Maintenance;

namespace Retention.Core.Application;

/// <summary>
/// The dashboard "aggregates" of this process: the cached reports of <see cref="DashboardService"/>. Refreshing
/// recomputes the employer's default view now, so the next HR request after a change is answered from memory.
/// </summary>
public sealed class DashboardWarming(DashboardService dashboard) : IDashboardAggregates
{
    public Task RefreshAsync(string employerId, CancellationToken cancellationToken) => dashboard.WarmAsync(employerId, cancellationToken);
}
