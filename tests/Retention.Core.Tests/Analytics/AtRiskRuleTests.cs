using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

public sealed class AtRiskRuleTests
{
    private static readonly LocalDate Start = new(2027, 1, 4);

    private static RetentionRecord WithCheckIns(params (int Belonging, int Intent)[] answers) =>
        Records.Employed(Start) with
        {
            CheckIns = answers.Select((a, i) => new CheckInAnswer(Start.PlusMonths(i + 1), a.Belonging, a.Intent)).ToList(),
        };

    [Theory]
    [InlineData(4, 4, 2, 4, "low-belonging|falling-belonging")]
    [InlineData(3, 3, 3, 2, "low-intent-to-stay")]
    [InlineData(5, 5, 3, 4, "falling-belonging")]
    [InlineData(4, 5, 4, 3, "falling-intent-to-stay")]
    [InlineData(3, 3, 3, 3, "")]
    public void Latest_check_in_low_or_falling_is_listed_with_the_reason(int b1, int i1, int b2, int i2, string expected)
    {
        var record = WithCheckIns((b1, i1), (b2, i2));

        var listed = DashboardReport.Compute([record], Records.Query()).AtRisk;

        Assert.Equal(expected, string.Join('|', listed.SelectMany(a => a.Reasons)));
        Assert.All(listed, a => Assert.Equal(record.EnrollmentId, a.EnrollmentId));
    }

    [Fact]
    public void Silent_ildsjel_is_listed_once_the_streak_reaches_the_limit()
    {
        var silent = Records.Employed(Start) with { IldsjelIgnoredStreak = 3 };
        var nearly = Records.Employed(Start) with { IldsjelIgnoredStreak = 2 };

        var listed = DashboardReport.Compute([silent, nearly], Records.Query()).AtRisk;

        var one = Assert.Single(listed);
        Assert.Equal(silent.EnrollmentId, one.EnrollmentId);
        Assert.Equal([AtRiskReasons.IldsjelSilent], one.Reasons);
        Assert.Equal(3, one.IldsjelIgnoredNudges);
    }

    [Fact]
    public void Newcomers_who_left_and_answers_after_the_as_of_day_are_not_considered()
    {
        var left = Records.LeftAfter(Start, 60) with { CheckIns = [new CheckInAnswer(Start.PlusDays(30), 1, 1)] };
        var future = Records.Employed(Start) with { CheckIns = [new CheckInAnswer(Records.AsOf.PlusDays(1), 1, 1)] };

        Assert.Empty(DashboardReport.Compute([left, future], Records.Query()).AtRisk);
    }
}
