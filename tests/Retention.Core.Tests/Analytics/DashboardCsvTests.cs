using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Core.Tests.Analytics;

public sealed class DashboardCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+47 1234", "'+47 1234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Haugesund", "Haugesund")]
    [InlineData("", "")]
    public void Text_cells_that_a_spreadsheet_would_evaluate_are_neutralised(string value, string expected)
    {
        Assert.Equal(expected, DashboardCsv.Text(value));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    public void Fields_are_quoted_as_RFC_4180_says(string field, string expected)
    {
        Assert.Equal(expected, DashboardCsv.Quote(field));
    }

    [Fact]
    public void Rows_end_in_CRLF_have_one_field_per_column_and_hostile_municipality_is_defused()
    {
        var start = new LocalDate(2026, 3, 2);
        var records = Records.Many(5, i => Records.Employed(start, "=cmd|' /C calc'!A0,\"x\""))
            .Append(Records.LeftAfter(start, 200, "Haugesund") with { DepartureReason = Events.DepartureReason.PartnerJob });

        var csv = DashboardCsv.Write(records, Records.Query());

        var lines = csv.Split("\r\n");
        Assert.Equal("", lines[^1]);
        Assert.Equal(string.Join(',', DashboardCsv.Columns), lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.All(lines.Skip(1).SkipLast(1), l => Assert.StartsWith("e", l, StringComparison.Ordinal));
        Assert.Contains("\"'=cmd|' /C calc'!A0,\"\"x\"\"\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Municipality_with_fewer_than_the_threshold_is_generalised_and_departure_is_written()
    {
        var start = new LocalDate(2026, 3, 2);
        var records = Records.Many(5, i => Records.Employed(start, "Haugesund"))
            .Append(Records.LeftAfter(start, 200, "Utsira") with { DepartureReason = Events.DepartureReason.PartnerJob });

        var csv = DashboardCsv.Write(records, Records.Query());

        Assert.DoesNotContain("Utsira", csv, StringComparison.Ordinal);
        var utsira = csv.Split("\r\n").Single(l => l.Contains(DashboardCsv.OtherMunicipality, StringComparison.Ordinal)).Split(',');
        Assert.Equal("2026-09-18", utsira[Index("departureDate")]);
        Assert.Equal("partner-job", utsira[Index("departureReason")]);
        Assert.Equal("200", utsira[Index("followUpDays")]);
        Assert.Equal("true", utsira[Index("departed")]);
    }

    [Fact]
    public void Export_holds_no_names_e_mail_addresses_or_check_in_answers()
    {
        var records = SyntheticRecords.Generate(300, Records.AsOf);

        var csv = DashboardCsv.Write(records, Records.Query());

        Assert.DoesNotContain("@", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardCsv.Columns, c => c.Contains("name", StringComparison.OrdinalIgnoreCase) || c.Contains("belonging", StringComparison.OrdinalIgnoreCase) || c.Contains("comment", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(301, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Each_row_carries_the_newcomer_s_undelivered_nudges()
    {
        var start = new LocalDate(2026, 3, 2);
        var records = Records.Many(5, i => Records.Employed(start) with { FailedNudges = i }).ToList();

        var rows = DashboardCsv.Write(records, Records.Query()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','));

        var byId = rows.ToDictionary(r => r[Index("enrollmentId")], r => r[Index("failedNudges")], StringComparer.Ordinal);
        Assert.All(records, r => Assert.Equal(r.FailedNudges.ToString(System.Globalization.CultureInfo.InvariantCulture), byId[r.EnrollmentId]));
    }

    private static int Index(string column) => DashboardCsv.Columns.ToList().IndexOf(column);
}
