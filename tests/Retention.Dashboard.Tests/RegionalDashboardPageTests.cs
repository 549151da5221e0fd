using Retention.Core.Analytics;

namespace Retention.Dashboard.Tests;

public sealed class RegionalDashboardPageTests
{
    [Fact]
    public void The_report_has_the_cells_the_page_tests_rely_on()
    {
        var report = RegionalReports.Haugalandet();

        Assert.False(report.Overall.Suppressed);
        Assert.Equal([null, RegionalSuppression.TooFewEmployers, RegionalSuppression.TooFewNewcomers], report.Municipalities.Select(m => m.SuppressedBecause));
    }

    [Fact]
    public void Page_has_no_script_no_employer_id_and_says_why_cells_are_suppressed()
    {
        var html = RegionalDashboardPage.Render(RegionalReports.Haugalandet(), new RegionalDashboardPageOptions { JsonUrl = "/api/v1/regions/haugalandet/dashboard" });

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<th scope=\"row\">Haugesund</th>", html, StringComparison.Ordinal);
        Assert.Contains("newcomers from fewer than 3 employers", html, StringComparison.Ordinal);
        Assert.Contains("fewer than 5 newcomers", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v1/regions/haugalandet/dashboard\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_name_is_encoded()
    {
        var report = RegionalReports.Haugalandet() with { RegionName = "<b>Haugalandet</b>" };

        var html = RegionalDashboardPage.Render(report);

        Assert.DoesNotContain("<b>Haugalandet", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Haugalandet", html, StringComparison.Ordinal);
    }
}
