using FsCheck.Xunit;
using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

public sealed class SurvivalAggregateTests
{
    private static readonly LocalDate AsOf = new(2027, 12, 31);

    [Property(MaxTest = 30)]
    public void Incremental_tally_gives_the_same_curve_as_the_records(int seed, byte size, byte laterDays)
    {
        var records = SyntheticRecords.Generate(size, AsOf, seed);
        var aggregate = new SurvivalAggregate();
        foreach (var r in records)
        {
            aggregate.Add(r);
        }

        var asOf = AsOf.PlusDays(laterDays);
        var expected = KaplanMeier.Estimate(records.Select(r => r.ObservationAt(asOf)).OfType<SurvivalObservation>());
        var actual = KaplanMeier.Estimate(aggregate.TallyAsOf(asOf));

        Assert.Equal(expected.People, actual.People);
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(expected.MaxFollowUp, actual.MaxFollowUp);
    }

    [Fact]
    public void A_departure_recorded_later_replaces_the_open_follow_up()
    {
        var start = new LocalDate(2026, 1, 5);
        var employed = Records.Employed(start);
        var aggregate = new SurvivalAggregate();
        aggregate.Add(employed);
        Assert.Equal(0, aggregate.TallyAsOf(AsOf).Events);

        aggregate.Remove(employed);
        aggregate.Add(employed with { DepartureDate = start.PlusDays(200) });

        var tally = aggregate.TallyAsOf(AsOf);
        Assert.Equal(1, tally.Count);
        Assert.Equal([(200, 1, 0)], tally.ByDay());
        Assert.Throws<ArgumentOutOfRangeException>(() => aggregate.TallyAsOf(start.PlusDays(100)));
        Assert.Throws<InvalidOperationException>(() => aggregate.Remove(employed));
    }
}
