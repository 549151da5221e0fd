namespace Retention.Core.Analytics;

/// <summary>
/// The Kaplan–Meier product-limit estimator with Greenwood's variance. Censorings on a day of departures count
/// as still at risk that day (the usual convention). Confidence limits use the log-log transform
/// (Kalbfleisch &amp; Prentice; R's <c>conf.type = "log-log"</c>): θ = log(−log S), se(θ) = √Σ / |log S|,
/// limits S^exp(±1.96·se(θ)). Unlike the plain Greenwood interval they always stay inside [0, 1].
/// </summary>
public static class KaplanMeier
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static SurvivalCurve Estimate(IEnumerable<SurvivalObservation> observations) => Estimate(SurvivalTally.Of(observations));

    public static SurvivalCurve Estimate(SurvivalTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var days = tally.ByDay();
        var steps = new List<SurvivalPoint>();
        var atRiskByDay = new (int Days, int AtRisk)[days.Count];
        var atRisk = tally.Count;
        var survival = 1.0;
        var greenwood = 0.0;
        for (var i = 0; i < days.Count; i++)
        {
            var (day, events, censored) = days[i];
            atRiskByDay[i] = (day, atRisk);
            if (events > 0)
            {
                survival *= (atRisk - events) / (double)atRisk;
                greenwood += atRisk == events ? double.PositiveInfinity : events / ((double)atRisk * (atRisk - events));
                var (lower, upper) = LogLogLimits(survival, greenwood);
                steps.Add(new SurvivalPoint
                {
                    Days = day,
                    AtRisk = atRisk,
                    Events = events,
                    Censored = censored,
                    Survival = survival,
                    GreenwoodSum = greenwood,
                    Lower = lower,
                    Upper = upper,
                });
            }

            atRisk -= events + censored;
        }

        return new SurvivalCurve(tally.Count, tally.Events, steps, atRiskByDay);
    }

    internal static (double? Lower, double? Upper) LogLogLimits(double survival, double greenwoodSum)
    {
        if (survival <= 0 || survival >= 1 || !double.IsFinite(greenwoodSum))
        {
            return (null, null);
        }

        var logS = Math.Log(survival);
        var se = Math.Sqrt(greenwoodSum) / Math.Abs(logS);
        return (Math.Pow(survival, Math.Exp(Z95 * se)), Math.Pow(survival, Math.Exp(-Z95 * se)));
    }
}
