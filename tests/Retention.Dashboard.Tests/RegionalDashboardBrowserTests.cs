using Retention.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Retention.Dashboard.Tests;

/// <summary>The regional page in headless Chromium (JavaScript off): shown cells have figures, suppressed ones say why, no employer id anywhere.</summary>
public sealed class RegionalDashboardBrowserTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("laptop", 1280, 900)]
    [InlineData("phone", 390, 844)]
    public async Task Regional_page_shows_figures_for_shown_cells_and_reasons_for_suppressed_ones(string device, int width, int height)
    {
        Skip.IfNot(HeadlessChromium.Installed, HeadlessChromium.MissingReason);
        var file = await HeadlessChromium.SaveAsync($"regional-dashboard-{device}", RegionalDashboardPage.Render(RegionalReports.Haugalandet()));

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(width, height);
        var problems = new List<string>();
        page.Console += (_, message) => problems.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.RequestFailed += (_, request) => problems.Add("request failed: " + request.Url);

        var response = await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var table = page.GetByRole(AriaRole.Table);
        var columns = await table.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync();
        var rows = await table.Locator("tbody tr").AllAsync();
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            cells[(await row.GetByRole(AriaRole.Rowheader).InnerTextAsync()).Trim()] = await row.InnerTextAsync();
        }

        var text = await page.Locator("body").InnerTextAsync();
        var documentWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var screenshot = Path.Combine(HeadlessChromium.Artefacts, $"regional-dashboard-{device}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"artefacts: {screenshot} and {file}");

        Assert.NotNull(response);
        Assert.True(response.Ok);
        Assert.Empty(problems);
        Assert.Equal(1, await page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 }).CountAsync());
        Assert.Equal(["Municipality", "Newcomers", "6 months", "12 months", "24 months"], columns.Select(c => c.Trim()));
        Assert.Equal(["Haugesund", "Karmøy", "Tysvær", "All municipalities"], cells.Keys);
        Assert.Contains("%", cells["Haugesund"], StringComparison.Ordinal);
        Assert.Contains("at risk", cells["Haugesund"], StringComparison.Ordinal);
        Assert.Contains("%", cells["All municipalities"], StringComparison.Ordinal);
        Assert.Contains("suppressed (newcomers from fewer than 3 employers)", cells["Karmøy"], StringComparison.Ordinal);
        Assert.DoesNotContain("%", cells["Karmøy"], StringComparison.Ordinal);
        Assert.Contains("suppressed (fewer than 5 newcomers)", cells["Tysvær"], StringComparison.Ordinal);
        Assert.DoesNotContain("%", cells["Tysvær"], StringComparison.Ordinal);
        Assert.All(RegionalReports.EmployerIds, id => Assert.DoesNotContain(id, text, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.True(documentWidth <= width + 1, $"document is {documentWidth}px wide in a {width}px viewport");
    }
}
