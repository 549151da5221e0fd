using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Dashboard.Tests;

/// <summary>
/// A region of three municipalities and three sharing employers with distinctive ids: Haugesund has all three
/// (shown), Karmøy two (too few employers), Tysvær three with four newcomers between them (too few newcomers).
/// </summary>
internal static class RegionalReports
{
    public static readonly LocalDate AsOf = new(2027, 12, 31);

    public static readonly string[] EmployerIds = ["employer-secret-acme", "employer-secret-globex", "employer-secret-initech"];

    public static RegionalDashboardReport Haugalandet()
    {
        var employers = EmployerIds.Select((id, i) =>
        {
            var haugesund = SyntheticRecords.Generate(80, AsOf, seed: i).Select(r => r with { Municipality = "Haugesund" });
            var karmoy = i < 2 ? SyntheticRecords.Generate(20, AsOf, seed: 10 + i).Select(r => r with { Municipality = "Karmøy", StartDate = AsOf.PlusDays(-400) }) : [];
            var tysvaer = SyntheticRecords.Generate(i == 0 ? 2 : 1, AsOf, seed: 20 + i).Select(r => r with { Municipality = "Tysvær", StartDate = AsOf.PlusDays(-400) });
            return EmployerAggregate.Of(id, haugesund.Concat(karmoy).Concat(tysvaer));
        });
        return RegionalDashboardComputation.Compute(["Haugesund", "Karmøy", "Tysvær"], employers, "Haugalandet", AsOf);
    }
}
