namespace Retention.Core.Analytics;

/// <summary>Average check-in answers (1..5) in one month since arrival (0 = the arrival month).</summary>
public sealed record CheckInMonth(int MonthSinceArrival, Figure Belonging, Figure IntentToStay);
