namespace Retention.Core.Analytics;

/// <summary>One step of a published survival curve (only while at least the threshold are still at risk).</summary>
public sealed record CurvePoint(int Days, double Survival, double? Lower, double? Upper, int AtRisk);
