using System.Diagnostics;
using System.Net;
using System.Text;

namespace Retention.Server.Tests;

public sealed class ImportApiTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>, IAsyncLifetime
{
    private const string Header = "externalId,newcomerName,newcomerEmail,newcomerLanguage,newcomerTimeZone,ildsjelName,ildsjelEmail,arrivalDate,startDate,municipality,partner,childrenAges,interests,newcomerNudgesConsent";

    public Task InitializeAsync() => factory.InitializeKeysAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Row(string externalId, string email = "n@example.com", string arrival = "2027-03-01", string consent = "yes") =>
        $"{externalId},\"Nguyen, Linh\",{email},en,Asia/Ho_Chi_Minh,Kari,kari@example.no,{arrival},2027-03-03,Haugesund,true,3;8,hiking;choir,{consent}";

    private async Task<(HttpStatusCode Status, string Body)> ImportAsync(string csv)
    {
        using var client = factory.ClientFor(factory.AcmeKey);

        // A 10,000-row import is one long request; a shared 2-core CI machine may need more than HttpClient's default 100 s.
        client.Timeout = TimeSpan.FromMinutes(5);
        using var response = await client.PostAsync(new Uri("/api/v1/employers/acme/enrollments:import", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Valid_rows_are_enrolled_invalid_and_duplicate_rows_reported_and_reimport_enrols_nobody_twice()
    {
        var csv = string.Join('\n', Header, Row("IMP-1"), Row("IMP-2", email: "broken"), Row("IMP-1"), Row("IMP-3", arrival: "someday"), Row("IMP-4")) + "\n";

        var (status, body) = await ImportAsync(csv);

        Assert.Equal(HttpStatusCode.OK, status);
        var report = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal((2, 2, 1), (report["created"]!.GetValue<int>(), report["invalid"]!.GetValue<int>(), report["duplicate"]!.GetValue<int>()));
        var rows = report["rows"]!.AsArray();
        Assert.Equal("created", rows[0]!["status"]!.GetValue<string>());
        Assert.NotNull(rows[1]!["errors"]!["newcomer.email"]);
        Assert.Equal("duplicate", rows[2]!["status"]!.GetValue<string>());
        Assert.NotNull(rows[3]!["errors"]!["arrivalDate"]);

        var before = await StoreSnapshot.TakeAsync(factory.Services);
        var (again, againBody) = await ImportAsync(csv);
        var second = System.Text.Json.Nodes.JsonNode.Parse(againBody)!;
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal((0, 2), (second["created"]!.GetValue<int>(), second["existing"]!.GetValue<int>()));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Theory]
    [InlineData("", "header")]
    [InlineData("externalId,newcomerName,shoeSize\nX,Y,42\n", "header")]
    public async Task A_file_with_a_bad_header_is_400_and_changes_nothing(string csv, string field)
    {
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        var (status, body) = await ImportAsync(csv);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Fact]
    public async Task A_row_without_consent_is_invalid_and_a_file_without_the_consent_column_is_refused()
    {
        var before = await StoreSnapshot.TakeAsync(factory.Services);
        var (status, body) = await ImportAsync(string.Join('\n', Header, Row("IMP-NOCONSENT", consent: "")) + "\n");
        var (noColumn, noColumnBody) = await ImportAsync(
            "externalId,newcomerName,newcomerEmail,ildsjelName,ildsjelEmail,arrivalDate,startDate,municipality\n"
            + "IMP-NOCOLUMN,Linh,linh@example.com,Kari,kari@example.no,2027-03-01,2027-03-03,Haugesund\n");

        Assert.Equal(HttpStatusCode.OK, status);
        var row = System.Text.Json.Nodes.JsonNode.Parse(body)!["rows"]![0]!;
        Assert.Equal("invalid", row["status"]!.GetValue<string>());
        Assert.NotNull(row["errors"]!["consent.newcomerNudges"]);
        Assert.Equal(HttpStatusCode.BadRequest, noColumn);
        var headerErrors = System.Text.Json.Nodes.JsonNode.Parse(noColumnBody)!["errors"]!["header"]!.AsArray().Select(e => e!.GetValue<string>());
        Assert.Contains("missing column \"newcomerNudgesConsent\"", headerErrors);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Fact]
    public async Task Consent_given_as_no_enrols_without_newcomer_nudges()
    {
        var (status, body) = await ImportAsync(string.Join('\n', Header, Row("IMP-NO", email: "no@example.com", consent: "no")) + "\n");

        Assert.Equal(HttpStatusCode.OK, status);
        var id = System.Text.Json.Nodes.JsonNode.Parse(body)!["rows"]![0]!["enrollmentId"]!.GetValue<string>();
        using var client = factory.ClientFor(factory.AcmeKey);
        var enrollment = await (await client.GetAsync(new Uri($"/api/v1/employers/acme/enrollments/{id}", UriKind.Relative))).ReadObjectAsync();
        Assert.False(enrollment["consent"]!["newcomerNudges"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_row_with_an_enrolled_external_id_and_other_details_is_a_conflict_naming_the_columns_that_differ()
    {
        await ImportAsync(string.Join('\n', Header, Row("IMP-CONFLICT", email: "first@example.com")) + "\n");
        var before = await StoreSnapshot.TakeAsync(factory.Services);

        var (status, body) = await ImportAsync(string.Join('\n', Header, Row("IMP-CONFLICT", email: "second@example.com")) + "\n");

        Assert.Equal(HttpStatusCode.OK, status);
        var report = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        var row = report["rows"]![0]!;
        Assert.Equal(("conflict", 1), (row["status"]!.GetValue<string>(), report["conflict"]!.GetValue<int>()));
        Assert.NotNull(row["enrollmentId"]);
        Assert.Equal(["newcomer.email"], row["errors"]!.AsObject().Select(e => e.Key).ToList());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory.Services));
    }

    [Fact]
    public async Task A_ten_thousand_row_file_imports_completely()
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append(Row($"BULK-{i:D5}", email: $"n{i}@example.com")).Append('\n');
        }

        var watch = Stopwatch.StartNew();
        var (status, body) = await ImportAsync(csv.ToString());

        Assert.Equal(HttpStatusCode.OK, status);
        var report = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal(10_000, report["created"]!.GetValue<int>() + report["existing"]!.GetValue<int>());
        Assert.Equal(0, report["invalid"]!.GetValue<int>());

        // Not a timing assertion (benchmarks measure speed); printed so that a slow import shows in the log.
        Console.WriteLine($"10,000-row import took {watch.Elapsed.TotalSeconds:F1} s");
    }
}
