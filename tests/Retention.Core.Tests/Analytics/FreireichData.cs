using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

/// <summary>
/// The leukaemia remission data of Freireich et al. (1963), Blood 21:699–716, as tabulated by Gehan (1965),
/// Biometrika 52:203–223: weeks in remission for 21 children on 6-mercaptopurine and 21 on placebo
/// (a + marks a censored time). The textbook example of Kleinbaum &amp; Klein, "Survival Analysis: A Self-Learning
/// Text", 3rd ed. (Springer 2012), chapter 2.
/// </summary>
internal static class FreireichData
{
    // 6-MP: 6,6,6,6+,7,9+,10,10+,11+,13,16,17+,19+,20+,22,23,25+,32+,32+,34+,35+
    public static IReadOnlyList<SurvivalObservation> SixMp { get; } =
    [
        new(6, true), new(6, true), new(6, true), new(6, false), new(7, true), new(9, false), new(10, true),
        new(10, false), new(11, false), new(13, true), new(16, true), new(17, false), new(19, false), new(20, false),
        new(22, true), new(23, true), new(25, false), new(32, false), new(32, false), new(34, false), new(35, false),
    ];

    // Placebo (no censoring): 1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23
    public static IReadOnlyList<SurvivalObservation> Placebo { get; } =
        new[] { 1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23 }.Select(t => new SurvivalObservation(t, true)).ToList();
}
