namespace Retention.Core.Analytics;

/// <summary>How the programme is used: ildsjel action rates, the welcome lunch, check-in answers and response rates.</summary>
public sealed record EngagementSummary(
    IReadOnlyList<KindActionRate> ActionRates,
    Figure IldsjelActionRate,
    Figure MedianDaysToWelcomeLunch,
    Figure CheckInResponseRate,
    IReadOnlyList<CheckInMonth> CheckIns);
