using FsCheck.Xunit;
using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Journeys;

/// <summary>The planner's allocation-free local-time mapping agrees with NodaTime's lenient resolver.</summary>
public sealed class JourneyPlanBuilderTests
{
    [Property(MaxTest = 2000)]
    public void Mapping_away_from_transitions_equals_the_lenient_mapping(int seed)
    {
        var random = new Random(seed);
        var zone = DateTimeZoneProviders.Tzdb[RandomEnrollments.Zones[random.Next(RandomEnrollments.Zones.Length)]];
        var local = new LocalDate(1990, 1, 1).PlusDays(random.Next(0, 365 * 60)).At(new LocalTime(random.Next(0, 24), random.Next(0, 60)));

        if (JourneyPlanBuilder.TryMapAwayFromTransitions(local, zone, out var instant))
        {
            Assert.Equal(local.InZoneLeniently(zone).ToInstant(), instant);
        }
    }

    [Fact]
    public void Mapping_refuses_a_day_with_a_transition()
    {
        var oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

        Assert.False(JourneyPlanBuilder.TryMapAwayFromTransitions(new LocalDateTime(2027, 3, 28, 9, 0), oslo, out _));
        Assert.True(JourneyPlanBuilder.TryMapAwayFromTransitions(new LocalDateTime(2027, 3, 24, 9, 0), oslo, out var instant));
        Assert.Equal(Instant.FromUtc(2027, 3, 24, 8, 0), instant);
    }
}
