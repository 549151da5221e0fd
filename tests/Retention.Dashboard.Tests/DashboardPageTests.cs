using System.Text.RegularExpressions;
using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Dashboard.Tests;

public sealed partial class DashboardPageTests
{
    private static readonly LocalDate AsOf = new(2027, 12, 31);

    private static DashboardReport Report(IEnumerable<RetentionRecord> records) =>
        DashboardReport.Compute(records, new DashboardQuery { EmployerId = "emp-1", To = AsOf });

    [Fact]
    public void Page_is_a_complete_accessible_document()
    {
        var html = DashboardPage.Render(Report(SyntheticRecords.Generate(800, AsOf)), new DashboardPageOptions { CsvUrl = "/api/v1/employers/emp-1/dashboard.csv" });

        Assert.StartsWith("<!DOCTYPE html><html lang=\"en\">", html, StringComparison.Ordinal);
        foreach (var landmark in new[] { "<header>", "<nav aria-label=", "<main id=\"main\">", "<footer>", "<h1>", "<caption" })
        {
            Assert.Contains(landmark, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("What “retention” means here", html, StringComparison.Ordinal);
        Assert.Contains("as of 2027-12-31", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_chart_is_an_svg_image_with_a_title_and_a_table_behind_it()
    {
        var html = DashboardPage.Render(Report(SyntheticRecords.Generate(800, AsOf)));

        var charts = SvgOpenTag().Matches(html).Select(m => m.Value).ToList();
        Assert.True(charts.Count >= 5, $"{charts.Count} charts"); // overall, 3 comparisons, action rates, check-ins
        Assert.All(charts, tag =>
        {
            Assert.Contains("role=\"img\"", tag, StringComparison.Ordinal);
            Assert.Contains("aria-labelledby=", tag, StringComparison.Ordinal);
            Assert.Contains("viewBox=", tag, StringComparison.Ordinal);
        });
        Assert.Equal(charts.Count, Regex.Matches(html, "<svg[^>]*><title id=").Count);
        Assert.True(Regex.Matches(html, "<table").Count >= charts.Count);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_data_is_html_encoded()
    {
        var hostile = "<img src=x onerror=alert(1)>";
        var records = SyntheticRecords.Generate(200, AsOf).Select((r, i) => i % 2 == 0 ? r with { Municipality = hostile } : r);

        var html = DashboardPage.Render(Report(records), new DashboardPageOptions { EmployerName = "\"Acme\" & <Sons>" });

        Assert.DoesNotContain(hostile, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Sons>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_of_an_employer_with_too_few_newcomers_shows_suppressed_instead_of_figures()
    {
        var html = DashboardPage.Render(Report(SyntheticRecords.Generate(3, AsOf)));

        Assert.Contains("suppressed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"img\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(PercentFigure(), html.Split("<section aria-labelledby=\"at-risk\">")[0]);
    }

    [Fact]
    public void Empty_report_renders()
    {
        var html = DashboardPage.Render(Report([]));

        Assert.Contains("No newcomer has started yet.", html, StringComparison.Ordinal);
        Assert.Contains("Nobody is flagged", html, StringComparison.Ordinal);
    }

    [Fact]
    public void At_risk_list_on_the_page_is_capped_and_says_how_many_more_there_are()
    {
        var report = Report(Enumerable.Range(0, 30).Select(i => SyntheticRecords.Generate(1, AsOf, i)[0] with { EnrollmentId = $"risk-{i:D2}", IldsjelIgnoredStreak = 5, DepartureDate = null, CancellationDate = null }));

        var html = DashboardPage.Render(report, new DashboardPageOptions { MaxAtRiskRows = 10 });

        Assert.Equal(30, report.AtRisk.Count);
        Assert.Equal(10, Regex.Matches(html, "<code>risk-").Count);
        Assert.Contains("20 more are in the CSV export", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<svg[^>]*>")]
    private static partial Regex SvgOpenTag();

    [GeneratedRegex(@"\d+\.\d%")]
    private static partial Regex PercentFigure();
}
