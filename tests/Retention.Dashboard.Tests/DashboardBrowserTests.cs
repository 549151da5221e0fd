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
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [SkippableTheory]
    [InlineData("laptop", 1280, 900)]
    [InlineData("phone", 390, 844)]
    public async Task Page_loads_in_Chromium_without_console_errors_and_shows_the_charts(string device, int width, int height)
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (Debian: apt-get install chromium); the browser test needs it.");
        var asOf = new LocalDate(2027, 12, 31);
        var report = DashboardReport.Compute(SyntheticRecords.Generate(2_000, asOf), new DashboardQuery { EmployerId = "emp-1", To = asOf });
        var html = DashboardPage.Render(report, new DashboardPageOptions { EmployerName = "Demo employer" });
        var artefacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artefacts")).FullName;
        var file = Path.Combine(artefacts, $"dashboard-{device}.html");
        await File.WriteAllTextAsync(file, html);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, JavaScriptEnabled = false });
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

        var screenshot = Path.Combine(artefacts, $"dashboard-{device}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        output.WriteLine($"artefacts: {screenshot} and {file}");
    }
}
