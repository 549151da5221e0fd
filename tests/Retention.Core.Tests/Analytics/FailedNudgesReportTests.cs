using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

/// <summary>
/// The report's undelivered nudges: summed, listed per enrolment for HR, counted whatever the period, and never
/// hidden by the disclosure control.
/// </summary>
public sealed class FailedNudgesReportTests
{
    private static readonly LocalDate Start = new(2027, 2, 1);

    [Fact]
    public void Failed_nudges_are_summed_and_listed_per_enrolment_in_id_order()
    {
        var records = new[] { 2, 0, 1, 3, 0, 0 }.Select(failed => Records.Employed(Start) with { FailedNudges = failed }).Reverse().ToList();

        var failed = DashboardReport.Compute(records, Records.Query()).FailedNudges;

        Assert.Equal(6, failed.Nudges);
        Assert.Equal(3, failed.Newcomers);
        var expected = records.Where(r => r.FailedNudges > 0).OrderBy(r => r.EnrollmentId, StringComparer.Ordinal).Select(r => new FailedNudgeEnrollment(r.EnrollmentId, r.FailedNudges));
        Assert.Equal(expected, failed.Enrollments);
    }

    [Fact]
    public void A_single_failure_is_shown_even_when_the_statistics_are_suppressed()
    {
        var failing = Records.Employed(Start) with { FailedNudges = 1 };
        var records = new[] { failing, Records.Employed(Start) };

        var report = DashboardReport.Compute(records, Records.Query(threshold: 5));

        Assert.True(report.Counts.Enrolled.Suppressed); // 2 newcomers: below the threshold of 5
        Assert.Equal(1, report.FailedNudges.Nudges);
        Assert.Equal([new FailedNudgeEnrollment(failing.EnrollmentId, 1)], report.FailedNudges.Enrollments);
    }

    [Fact]
    public void A_failure_of_a_newcomer_who_started_before_the_period_is_still_listed()
    {
        var earlier = Records.Employed(Start.PlusMonths(-6)) with { FailedNudges = 2 };
        var records = Records.Many(6, i => Records.Employed(Start.PlusDays(i))).Append(earlier);

        var report = DashboardReport.Compute(records, Records.Query() with { From = Start });

        Assert.Equal(6, report.Counts.Enrolled.Value); // the period leaves the earlier starter out of the figures
        Assert.Equal([new FailedNudgeEnrollment(earlier.EnrollmentId, 2)], report.FailedNudges.Enrollments);
    }

    [Fact]
    public void No_failures_give_zero_and_an_empty_list()
    {
        var none = DashboardReport.Compute(Records.Many(8, i => Records.Employed(Start.PlusDays(i))), Records.Query());
        var empty = DashboardReport.Compute([], Records.Query());

        Assert.All(new[] { none.FailedNudges, empty.FailedNudges }, f =>
        {
            Assert.Equal(0, f.Nudges);
            Assert.Equal(0, f.Newcomers);
            Assert.Empty(f.Enrollments);
        });
    }
}
