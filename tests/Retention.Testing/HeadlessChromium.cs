using Microsoft.Playwright;

namespace Retention.Testing;

/// <summary>
/// Debian's Chromium driven headless by Playwright (never a downloaded browser). The page is written to a file
/// under <c>artefacts/</c> and opened from there, so it can be looked at after the run.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    public const string MissingReason = Executable + " is not installed (Debian: apt-get install chromium); the browser test needs it.";

    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static bool Installed => File.Exists(Executable);

    public static string Artefacts => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artefacts")).FullName;

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Executable, Headless = true, Args = Args });
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>A new page of the given size with JavaScript off (the dashboard has none).</summary>
    public Task<IPage> NewPageAsync(int width, int height) =>
        _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, JavaScriptEnabled = false });

    /// <summary>Writes <paramref name="html"/> to <c>artefacts/{name}.html</c> and returns the file's path.</summary>
    public static async Task<string> SaveAsync(string name, string html)
    {
        var file = Path.Combine(Artefacts, name + ".html");
        await File.WriteAllTextAsync(file, html);
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
