using NodaTime;
using Retention.Core.Analytics;
using Retention.Core.Enrollments;

namespace Retention.Core.Tests.Analytics;

/// <summary>Small hand-made records for the report tests.</summary>
internal static class Records
{
    public static readonly LocalDate AsOf = new(2027, 12, 31);

    private static int _next;

    public static RetentionRecord Employed(LocalDate start, string municipality = "Haugesund", WelcomeLunchState lunch = WelcomeLunchState.Acted) => new()
    {
        EnrollmentId = $"e{Interlocked.Increment(ref _next):D5}",
        Municipality = municipality,
        ArrivalDate = start.PlusDays(-2),
        StartDate = start,
        Status = EnrollmentStatus.Active,
        WelcomeLunch = lunch,
        WelcomeLunchActedOn = lunch == WelcomeLunchState.Acted ? start.PlusDays(3) : null,
    };

    public static RetentionRecord LeftAfter(LocalDate start, int days, string municipality = "Haugesund", WelcomeLunchState lunch = WelcomeLunchState.NotActed) =>
        Employed(start, municipality, lunch) with { Status = EnrollmentStatus.Left, DepartureDate = start.PlusDays(days) };

    public static IEnumerable<RetentionRecord> Many(int count, Func<int, RetentionRecord> make) => Enumerable.Range(0, count).Select(make);

    public static DashboardQuery Query(int threshold = 5) => new() { EmployerId = "emp-1", To = AsOf, Threshold = threshold };
}
