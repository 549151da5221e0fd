using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

/// <summary>The report's count of undelivered nudges: summed over the newcomers, and never hidden by the disclosure control.</summary>
public sealed class FailedNudgesReportTests
{
    private static readonly LocalDate Start = new(2027, 2, 1);

    [Fact]
    public void Failed_nudges_are_summed_and_the_newcomers_they_concern_counted_once_each()
    {
        var records = new[] { 2, 0, 1, 3, 0, 0 }.Select(failed => Records.Employed(Start) with { FailedNudges = failed });

        var failed = DashboardReport.Compute(records, Records.Query()).FailedNudges;

        Assert.Equal(new FailedNudgeSummary(6, 3), failed);
    }

    [Fact]
    public void A_single_failure_is_shown_even_when_the_statistics_are_suppressed()
    {
        var records = new[] { Records.Employed(Start) with { FailedNudges = 1 }, Records.Employed(Start) };

        var report = DashboardReport.Compute(records, Records.Query(threshold: 5));

        Assert.True(report.Counts.Enrolled.Suppressed); // 2 newcomers: below the threshold of 5
        Assert.Equal(new FailedNudgeSummary(1, 1), report.FailedNudges);
    }

    [Fact]
    public void No_failures_give_zero()
    {
        var none = DashboardReport.Compute(Records.Many(8, i => Records.Employed(Start.PlusDays(i))), Records.Query());
        var empty = DashboardReport.Compute([], Records.Query());

        Assert.Equal(new FailedNudgeSummary(0, 0), none.FailedNudges);
        Assert.Equal(new FailedNudgeSummary(0, 0), empty.FailedNudges);
    }
}
