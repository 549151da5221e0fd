using NodaTime;
using Retention.Core.Application;
using Retention.Core.Enrollments;

namespace Retention.Core.Tests.Application;

public sealed class OutcomeDateTests
{
    private static readonly LocalDate Start = new(2027, 3, 3);
    private static readonly LocalDate Today = new(2027, 6, 30);

    [Theory]
    [InlineData("2027-03-03")]
    [InlineData("2027-05-17")]
    [InlineData("2027-06-30")]
    public void A_day_from_the_start_date_to_today_is_taken(string text)
    {
        var errors = new List<FieldError>();

        var date = OutcomeDate.Check(text, Start, Today, errors);

        Assert.Empty(errors);
        Assert.Equal(text, IsoDate.Format(date!.Value));
    }

    [Theory]
    [InlineData("2027-07-01", "must not be in the future (today is 2027-06-30 in Oslo)")]
    [InlineData("2028-06-30", "must not be in the future (today is 2027-06-30 in Oslo)")]
    [InlineData("2027-03-02", "must not be before the start date 2027-03-03")]
    [InlineData("2026-01-01", "must not be before the start date 2027-03-03")]
    [InlineData("2027-3-5", IsoDate.Reason)]
    [InlineData("2027-02-30", IsoDate.Reason)]
    [InlineData("tomorrow", IsoDate.Reason)]
    public void A_day_ahead_of_today_before_the_start_or_not_a_date_is_refused_with_the_reason(string text, string reason)
    {
        var errors = new List<FieldError>();

        var date = OutcomeDate.Check(text, Start, Today, errors);

        Assert.Null(date);
        Assert.Equal([new FieldError("date", reason)], errors);
    }

    [Fact]
    public void Before_the_newcomer_has_started_no_day_is_both_past_and_after_the_start()
    {
        var errors = new List<FieldError>();

        OutcomeDate.Check("2027-02-01", Start, new LocalDate(2027, 1, 11), errors);

        Assert.Equal(["must not be in the future (today is 2027-01-11 in Oslo)", "must not be before the start date 2027-03-03"], errors.Select(e => e.Reason));
    }

    [Fact]
    public void A_missing_date_is_required()
    {
        var errors = new List<FieldError>();

        Assert.Null(OutcomeDate.Check(null, Start, Today, errors));
        Assert.Equal([new FieldError("date", "is required")], errors);
    }
}
