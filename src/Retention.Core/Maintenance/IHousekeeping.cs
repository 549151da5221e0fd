namespace Retention.Core.Maintenance;

/// <summary>
/// Periodic upkeep, run by a timer: expire raw records past the retention period (where the store has no TTL of its
/// own), return nudges stuck in Sending with an expired lease to Scheduled and schedule them again, and the like.
/// Every step must be safe to repeat and to run on two instances at once.
/// </summary>
public interface IHousekeeping
{
    Task RunAsync(CancellationToken cancellationToken);
}
