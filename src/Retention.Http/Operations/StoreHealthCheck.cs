using Microsoft.Extensions.Diagnostics.HealthChecks;
using Retention.Core.Storage;

namespace Retention.Http.Operations;

/// <summary>Ready when the store answers a point read (of an id that never exists).</summary>
public sealed class StoreHealthCheck(IEnrollmentStore enrollments) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await enrollments.GetAsync("health-check", "health-check", cancellationToken);
            return HealthCheckResult.Healthy("store reachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("store unreachable", ex);
        }
    }
}
