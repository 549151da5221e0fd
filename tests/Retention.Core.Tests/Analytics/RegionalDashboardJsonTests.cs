using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

public sealed class RegionalDashboardJsonTests
{
    // The settings of Retention.Http.Json.ApiJson (Core's tests do not reference the HTTP project).
    private static readonly JsonSerializerOptions ApiOptions = CreateApiOptions();

    [Fact]
    public void The_json_holds_no_employer_id_no_enrolment_and_no_name_or_address()
    {
        // Two employers in Karmøy, one in Haugesund: the region overall is shown, neither municipality.
        string[] ids = ["employer-secret-acme", "employer-secret-globex", "employer-secret-initech"];
        var records = ids.Select((id, i) => SyntheticRecords.Generate(30, Records.AsOf, seed: i)
            .Select(r => r with { Municipality = i == 2 ? "Haugesund" : "Karmøy" }).ToList()).ToList();
        var aggregates = ids.Select((id, i) => EmployerAggregate.Of(id, records[i]));
        var report = RegionalDashboardComputation.Compute(["Haugesund", "Karmøy"], aggregates, "Haugalandet", Records.AsOf);

        var json = JsonSerializer.Serialize(new RegionalDashboardResponse("region-haugalandet", report), ApiOptions);

        Assert.All(ids, id => Assert.DoesNotContain(id, json, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("secret", json, StringComparison.OrdinalIgnoreCase);
        Assert.All(records.SelectMany(r => r), r => Assert.DoesNotContain(r.EnrollmentId, json, StringComparison.Ordinal));
        Assert.DoesNotContain("address", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("region-haugalandet", document.RootElement.GetProperty("regionId").GetString());
        var root = document.RootElement.GetProperty("dashboard");
        Assert.Equal(["minimumEmployers"], Names(document.RootElement).Where(n => n.Contains("employer", StringComparison.OrdinalIgnoreCase)).Distinct());
        Assert.Equal(["regionName"], Names(document.RootElement).Where(n => n.Contains("name", StringComparison.OrdinalIgnoreCase)).Distinct());
        Assert.Equal("2027-12-31", root.GetProperty("asOf").GetString());
        var started = records.SelectMany(r => r).Count(r => r.StartDate <= Records.AsOf);
        Assert.Equal(started, root.GetProperty("overall").GetProperty("newcomers").GetInt32());
        Assert.Equal(3, root.GetProperty("overall").GetProperty("retention").GetArrayLength());
        var haugesund = root.GetProperty("municipalities")[0];
        Assert.Equal("Haugesund", haugesund.GetProperty("municipality").GetString());
        Assert.Equal("too-few-employers", haugesund.GetProperty("suppressedBecause").GetString());
        Assert.False(haugesund.TryGetProperty("newcomers", out _));
    }

    private static IEnumerable<string> Names(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Names(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Names),
        _ => [],
    };

    private static JsonSerializerOptions CreateApiOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }
}
