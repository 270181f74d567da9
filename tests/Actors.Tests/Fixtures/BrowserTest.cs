using Microsoft.Playwright;

namespace Programme.Tests.Fixtures;

/// <summary>A test class that drives Debian's Chromium against the real app: one browser per class, a page per test.</summary>
public abstract class BrowserTest(AppProcess app) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected AppProcess App => app;

    public async Task InitializeAsync() => (_playwright, _browser) = await Browser.Launch();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    protected Task<IPage> NewPage(int width = 1600, int height = 1000) =>
        _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
}
