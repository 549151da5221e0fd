using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

public sealed class CohortTableTests
{
    [Fact]
    public void Cell_is_filled_only_once_the_last_starter_of_the_cohort_has_reached_that_age()
    {
        // Cohort 2027-Q2 (arrivals April–June); the last one starts 2027-08-01, so on 2027-12-31 it has reached
        // 152 days: the 3-month cell (91 days) is complete, the 6-month one (182) is not yet.
        var records = Records.Many(6, i => Records.Employed(new LocalDate(2027, 4, 10).PlusDays(i)))
            .Append(Records.Employed(new LocalDate(2027, 8, 1)) with { ArrivalDate = new LocalDate(2027, 6, 30) });

        var row = DashboardReport.Compute(records, Records.Query()).Cohorts.Rows.Single();

        Assert.Equal("2027-Q2", row.Quarter);
        Assert.Equal(7.0, row.People.Value);
        Assert.True(row.Cells.Single(c => c.Months == 3).Complete);
        Assert.Equal(1.0, row.Cells.Single(c => c.Months == 3).Retention.Value);
        Assert.All(row.Cells.Where(c => c.Months >= 6), c =>
        {
            Assert.False(c.Complete);
            Assert.Null(c.Retention.Value);
        });
    }

    [Fact]
    public void Complete_cell_is_the_share_still_employed_at_that_age()
    {
        var start = new LocalDate(2025, 1, 15);
        var records = Records.Many(6, i => Records.Employed(start))
            .Concat(Records.Many(2, i => Records.LeftAfter(start, 100)))
            .Concat(Records.Many(2, i => Records.LeftAfter(start, 400)));

        var cells = DashboardReport.Compute(records, Records.Query()).Cohorts.Rows.Single().Cells;

        Assert.Equal([1.0, 0.8, 0.8, 0.6], cells.Select(c => Math.Round(c.Retention.Value!.Value, 9)));
        Assert.All(cells, c => Assert.Equal(10, c.Retention.People));
    }

    [Fact]
    public void Small_cohort_rows_are_suppressed()
    {
        var records = Records.Many(8, i => Records.Employed(new LocalDate(2025, 2, 1)))
            .Concat(Records.Many(6, i => Records.Employed(new LocalDate(2025, 5, 1))))
            .Concat(Records.Many(3, i => Records.Employed(new LocalDate(2025, 8, 1))));

        var rows = DashboardReport.Compute(records, Records.Query()).Cohorts.Rows;

        Assert.False(rows[0].People.Suppressed);
        Assert.True(rows[1].People.Suppressed); // secondary suppression: the next smallest
        Assert.True(rows[2].People.Suppressed);
        Assert.All(rows[2].Cells, c => Assert.True(c.Retention.Suppressed));
    }
}
