using Retention.Core.Application;
using Retention.Core.Storage;

namespace Retention.Core.Regions;

/// <summary>An employer's settings; turning sharing on is dated, and the date stays when it is turned off (audit).</summary>
public sealed class EmployerSettingsService(IEmployerSettingsStore store, RetentionClock clock)
{
    public async Task<EmployerSettings> GetAsync(string employerId, CancellationToken cancellationToken) =>
        await store.GetAsync(employerId, cancellationToken) ?? new EmployerSettings { EmployerId = employerId };

    public async Task<CommandResult<EmployerSettings>> ShareWithRegionAsync(string employerId, bool share, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CompareAndSet.Attempts; attempt++)
        {
            var current = await store.GetAsync(employerId, cancellationToken) ?? new EmployerSettings { EmployerId = employerId };
            if (current.ShareWithRegion == share && current.Version.Length > 0)
            {
                return CommandResult<EmployerSettings>.Ok(current);
            }

            var changed = current with
            {
                ShareWithRegion = share,
                SharingSince = share && !current.ShareWithRegion ? clock.Now : current.SharingSince,
                ChangedAt = clock.Now,
            };
            if (await store.SaveAsync(changed, cancellationToken) is { } saved)
            {
                return CommandResult<EmployerSettings>.Ok(saved);
            }
        }

        return CommandResult<EmployerSettings>.Conflict("the settings kept changing while they were written; try again");
    }
}
