using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>
/// One employer's newcomers in one municipality, kept as a <see cref="SurvivalAggregate"/>: departures and
/// censorings per day, no records and no people. Pooling these across employers gives the region's curve.
/// </summary>
public sealed class MunicipalitySurvival
{
    private readonly SurvivalAggregate _survival = new();

    internal MunicipalitySurvival(string municipality)
    {
        Municipality = municipality;
    }

    /// <summary>The municipality as the employer's first enrolment there spelled it (matched case-insensitively).</summary>
    public string Municipality { get; }

    /// <summary>Newcomers enrolled in the municipality, started or not.</summary>
    public int Count => _survival.Count;

    /// <summary>The follow-up of those who had started by <paramref name="asOf"/> (see <see cref="SurvivalAggregate.TallyAsOf"/>).</summary>
    public SurvivalTally TallyAsOf(LocalDate asOf) => _survival.TallyAsOf(asOf);

    internal void Add(RetentionRecord record) => _survival.Add(record);
}
