using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Dashboard.Tests;

/// <summary>No figure derived from fewer newcomers than the threshold reaches the JSON, the CSV or the page.</summary>
public sealed partial class SuppressionTests
{
    private const string TinyMunicipality = "Røldal";
    private static readonly LocalDate AsOf = new(2027, 12, 31);

    public static TheoryData<int, int> Cases => new() { { 300, 5 }, { 300, 20 }, { 60, 10 }, { 12, 5 }, { 4, 5 } };

    private static (List<RetentionRecord> Records, DashboardQuery Query, DashboardReport Report) Build(int count, int threshold)
    {
        var records = SyntheticRecords.Generate(count, AsOf, seed: count + threshold).ToList();
        records[0] = records[0] with { Municipality = TinyMunicipality };
        var query = new DashboardQuery { EmployerId = "emp-1", To = AsOf, Threshold = threshold };
        return (records, query, DashboardReport.Compute(records, query));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Json_has_no_figure_from_fewer_than_the_threshold(int count, int threshold)
    {
        var (_, _, report) = Build(count, threshold);
        using var json = JsonDocument.Parse(ReportJson.Serialize(report));
        var checkedFigures = 0;

        Walk(json.RootElement, "$", (path, obj) =>
        {
            if (obj.TryGetProperty("suppressed", out var suppressed) && suppressed.GetBoolean())
            {
                foreach (var name in new[] { "value", "people", "estimate", "lower", "upper", "atRisk" })
                {
                    Assert.True(!obj.TryGetProperty(name, out var v) || v.ValueKind is JsonValueKind.Null or JsonValueKind.Object, $"{path}.{name} of a suppressed figure is {v}");
                }
            }

            foreach (var name in new[] { "people", "atRisk" })
            {
                if (obj.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number)
                {
                    checkedFigures++;
                    var people = n.GetInt32();
                    Assert.True(people == 0 || people >= threshold, $"{path}.{name} = {people} < {threshold}");
                }
            }
        });

        Assert.DoesNotContain(TinyMunicipality, json.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.True(count < threshold || checkedFigures > 10, $"only {checkedFigures} figures checked");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Page_shows_no_count_below_the_threshold_and_no_tiny_group_name(int count, int threshold)
    {
        var (_, _, report) = Build(count, threshold);

        var html = DashboardPage.Render(report);

        Assert.DoesNotContain(TinyMunicipality, html, StringComparison.Ordinal);
        foreach (var number in AtRiskOrFrom().Matches(html).Select(m => int.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)))
        {
            Assert.True(number == 0 || number >= threshold, $"{number} < {threshold}");
        }

        foreach (var cell in CountCell().Matches(html).Select(m => int.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)))
        {
            Assert.True(cell == 0 || cell >= threshold, $"newcomer count {cell} < {threshold}");
        }

        Assert.True(count < threshold || CountCell().Matches(html).Count > 5);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Csv_generalises_small_municipalities(int count, int threshold)
    {
        var (records, query, _) = Build(count, threshold);

        var csv = DashboardCsv.Write(records, query);

        Assert.DoesNotContain(TinyMunicipality, csv, StringComparison.Ordinal);
        var municipalities = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.All(municipalities.GroupBy(m => m).Where(g => g.Key != DashboardCsv.OtherMunicipality), g => Assert.True(g.Count() >= threshold, $"{g.Key}: {g.Count()}"));
    }

    private static void Walk(JsonElement element, string path, Action<string, JsonElement> visit)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            visit(path, element);
            foreach (var p in element.EnumerateObject())
            {
                Walk(p.Value, path + "." + p.Name, visit);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, $"{path}[{i++}]", visit);
            }
        }
    }


    private static Regex AtRiskOrFrom() => new(@"\b(\d[\d,]*) (?:at risk|newcomers)");

    [GeneratedRegex(@"<span class=""count"">(\d[\d,]*)</span>")]
    private static partial Regex CountCell();
}
