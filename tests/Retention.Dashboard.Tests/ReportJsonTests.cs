using System.Text.Json;
using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Dashboard.Tests;

public sealed class ReportJsonTests
{
    [Fact]
    public void Report_serialises_to_camelCase_with_ISO_dates_and_no_NaN()
    {
        var asOf = new LocalDate(2027, 12, 31);
        var report = DashboardReport.Compute(SyntheticRecords.Generate(500, asOf), new DashboardQuery { EmployerId = "emp-1", To = asOf, From = new LocalDate(2025, 6, 1) });

        using var json = JsonDocument.Parse(ReportJson.Serialize(report));
        var root = json.RootElement;

        Assert.Equal("emp-1", root.GetProperty("employerId").GetString());
        Assert.Equal("2027-12-31", root.GetProperty("to").GetString());
        Assert.Equal("2025-06-01", root.GetProperty("from").GetString());
        Assert.Equal(5, root.GetProperty("threshold").GetInt32());
        var twelve = root.GetProperty("overall").GetProperty("retention")[1];
        Assert.Equal(12, twelve.GetProperty("months").GetInt32());
        Assert.InRange(twelve.GetProperty("estimate").GetDouble(), twelve.GetProperty("lower").GetDouble(), twelve.GetProperty("upper").GetDouble());
        Assert.Equal(["welcome-lunch", "municipality", "arrival-quarter"], root.GetProperty("comparisons").EnumerateArray().Select(c => c.GetProperty("key").GetString()));
        Assert.True(root.GetProperty("counts").GetProperty("enrolled").GetProperty("value").GetDouble() > 0);
        Assert.False(root.GetProperty("counts").GetProperty("enrolled").TryGetProperty("hasValue", out _));
    }
}
