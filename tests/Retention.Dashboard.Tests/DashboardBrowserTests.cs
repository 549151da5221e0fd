using Retention.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using NodaTime;
using Retention.Core.Analytics;

namespace Retention.Dashboard.Tests;

/// <summary>
/// The page in a real headless Chromium (the Debian package, never a downloaded browser): it loads without
/// console errors, the charts are there as images with text alternatives, and a screenshot is kept as an artefact.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private static readonly LocalDate AsOf = new(2027, 12, 31);

    [SkippableTheory]
    [InlineData("laptop", 1280, 900)]
    [InlineData("phone", 390, 844)]
    public async Task Page_loads_in_Chromium_without_console_errors_and_shows_the_charts(string device, int width, int height)
    {
        Skip.IfNot(HeadlessChromium.Installed, HeadlessChromium.MissingReason);
        var report = DashboardReport.Compute(SyntheticRecords.Generate(2_000, AsOf), new DashboardQuery { EmployerId = "emp-1", To = AsOf });
        var html = DashboardPage.Render(report, new DashboardPageOptions { EmployerName = "Demo employer" });
        var file = await HeadlessChromium.SaveAsync($"dashboard-{device}", html);

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(width, height);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.RequestFailed += (_, request) => problems.Add("request failed: " + request.Url);

        var response = await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        Assert.NotNull(response);
        Assert.True(response.Ok);
        Assert.Empty(problems);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        var charts = page.Locator("svg[role=img]");
        Assert.True(await charts.CountAsync() >= 5);
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            var chart = charts.Nth(i);
            Assert.True(await chart.IsVisibleAsync());
            var box = await chart.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.InRange(box.Width, 100, width); // scales down to the viewport on a phone
            Assert.False(string.IsNullOrWhiteSpace(await chart.Locator("title").TextContentAsync()));
        }

        Assert.Equal(1, await page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 }).CountAsync());
        Assert.True(await page.GetByRole(AriaRole.Table).CountAsync() >= 5);
        Assert.True(await page.GetByRole(AriaRole.Main).IsVisibleAsync());

        // The page must not force sideways scrolling of the whole document on a phone (tables scroll in their own region).
        var documentWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(documentWidth <= width + 1, $"document is {documentWidth}px wide in a {width}px viewport");

        var screenshot = Path.Combine(HeadlessChromium.Artefacts, $"dashboard-{device}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        output.WriteLine($"artefacts: {screenshot} and {file}");
    }

    [SkippableFact]
    public async Task Failed_nudges_show_as_a_notice_in_the_summary_linked_to_the_enrolments_and_nothing_without_them()
    {
        Skip.IfNot(HeadlessChromium.Installed, HeadlessChromium.MissingReason);
        // Three newcomers only: every statistic is suppressed, the failures must show all the same.
        var records = SyntheticRecords.Generate(3, AsOf);
        var failing = records.Select((r, i) => i == 0 ? r with { FailedNudges = 2 } : i == 1 ? r with { FailedNudges = 1 } : r with { FailedNudges = 0 });
        var query = new DashboardQuery { EmployerId = "emp-1", To = AsOf };
        var withFailures = await HeadlessChromium.SaveAsync("dashboard-failed-nudges", DashboardPage.Render(DashboardReport.Compute(failing, query)));
        var without = await HeadlessChromium.SaveAsync("dashboard-no-failed-nudges", DashboardPage.Render(DashboardReport.Compute(records.Select(r => r with { FailedNudges = 0 }), query)));

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(390, 844);
        await page.GotoAsync(new Uri(withFailures).AbsoluteUri);
        var notice = page.Locator("#failed-nudges");
        var visible = await notice.IsVisibleAsync();
        var text = await notice.TextContentAsync();
        var inSummary = await page.Locator("section[aria-labelledby=summary] #failed-nudges").CountAsync();
        await notice.GetByRole(AriaRole.Link).ClickAsync();
        var listed = await page.Locator("section[aria-labelledby=undelivered] table tbody tr").AllInnerTextsAsync();
        var listVisible = await page.Locator("#undelivered").IsVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HeadlessChromium.Artefacts, "dashboard-failed-nudges.png") });
        await page.GotoAsync(new Uri(without).AbsoluteUri);
        var noticesWithout = await page.Locator("#failed-nudges").CountAsync();
        var listsWithout = await page.Locator("#undelivered").CountAsync();

        Assert.True(visible);
        Assert.Contains("3 nudges concerning 2 newcomers could not be delivered", text, StringComparison.Ordinal);
        Assert.Equal(1, inSummary);
        Assert.True(listVisible);
        Assert.Equal(
            failing.Where(r => r.FailedNudges > 0).OrderBy(r => r.EnrollmentId, StringComparer.Ordinal).Select(r => $"{r.EnrollmentId}\t{r.FailedNudges}"),
            listed.Select(row => row.Trim()));
        Assert.Equal(0, noticesWithout);
        Assert.Equal(0, listsWithout);
        Assert.True(await page.Locator("section[aria-labelledby=summary]").IsVisibleAsync()); // the summary is there, only the notice is not
    }
}
