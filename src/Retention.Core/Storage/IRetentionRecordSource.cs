using Retention.Core.Analytics;

namespace Retention.Core.Storage;

/// <summary>
/// Bulk read for the dashboard: every enrolment of one employer reduced to its <see cref="RetentionRecord"/>.
/// A store that can do this with a few set-based queries implements it itself; otherwise
/// <see cref="PerEnrollmentRecordSource"/> builds the records over the ordinary ports.
/// </summary>
public interface IRetentionRecordSource
{
    /// <summary>
    /// A number that changes whenever anything the employer's records are built from changes (enrolments, nudges,
    /// check-ins, outcomes). Null when the store cannot tell cheaply; callers then must not reuse earlier results.
    /// </summary>
    Task<long?> ChangeStampAsync(string employerId, CancellationToken cancellationToken);

    /// <summary>
    /// The employer's records, streamed, together with the change stamp they are consistent with (null as above).
    /// The stamp is read before (or in the same snapshot as) the records, so a result tagged with it is never newer
    /// than the data the stamp stands for.
    /// </summary>
    Task<RetentionRecordSet> ReadAsync(string employerId, CancellationToken cancellationToken);
}
