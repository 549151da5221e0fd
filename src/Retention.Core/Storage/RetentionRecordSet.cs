using Retention.Core.Analytics;

namespace Retention.Core.Storage;

/// <summary>An employer's records as read in one go, and the change stamp they are consistent with (see <see cref="IRetentionRecordSource"/>).</summary>
public sealed record RetentionRecordSet(IReadOnlyList<RetentionRecord> Records, long? ChangeStamp);
