using Microsoft.Playwright;

namespace Programme.Tests.Fixtures;

/// <summary>Debian's Chromium driven by Playwright (its own browser download is not used).</summary>
public static class Browser
{
    public static readonly string[] Arguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> Launch()
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = Arguments,
            Headless = true,
        });
        return (playwright, browser);
    }

    /// <summary>Screenshots are test artifacts, kept under artifacts/screenshots.</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(AppProcess.RepoRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
