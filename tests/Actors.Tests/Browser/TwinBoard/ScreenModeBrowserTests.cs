using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Browser.TwinBoard;

/// <summary>
/// Wall-screen mode (大屏, <c>/?screen=1&amp;interval=N</c>) in Chromium: it rotates city → each county (polled: the shown
/// scope changes, in order, on a short interval), fits 1920×1080 and 1366×768 without scrollbars in both languages,
/// and when the server stops answering it says so (stale indicator with the time of the last answer), then recovers by
/// itself once the server answers again.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class ScreenModeBrowserTests(AppProcess app) : BrowserTest(app)
{
    private static readonly string[] Expected = ["city", "county:hubin", "county:shanzhou", "county:mianchi"];

    [Theory]
    [InlineData(1920, 1080, "zh")]
    [InlineData(1366, 768, "en")]
    public async Task The_screen_rotates_city_then_each_county_and_fits_without_scrollbars(int width, int height, string lang)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync(App.BaseAddress + $"?screen=1&interval=2&lang={lang}");
        var screen = page.GetByTestId("screen");
        await Assertions.Expect(screen).ToHaveAttributeAsync("data-scope", "city", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".scr-league li")).ToHaveCountAsync(8, new() { Timeout = 20_000 });
        await Fits(page, $"city {width}×{height} {lang}");
        await page.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath($"screen-city-{width}x{height}-{lang}.png") });

        // The shown scope moves on by itself, in the catalogue's order of counties.
        var seen = new List<string> { "city" };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (seen.Count < Expected.Length && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var scope = await screen.GetAttributeAsync("data-scope");
            if (scope is not null && scope != seen[^1]) seen.Add(scope);
            await page.WaitForTimeoutAsync(100);
        }
        Assert.Equal(Expected, seen);
        await Assertions.Expect(page.Locator(".scr-bigrank")).ToBeVisibleAsync();
        await Fits(page, $"county {width}×{height} {lang}");
        await page.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath($"screen-county-{width}x{height}-{lang}.png") });
    }

    [Fact]
    public async Task When_the_server_stops_answering_the_screen_says_so_and_recovers_by_itself()
    {
        var page = await NewPage(1920, 1080);
        // The hub is unreachable at first: the screen lives on REST polling.
        await page.RouteAsync("**/hubs/board/negotiate**", route => route.AbortAsync());
        await page.GotoAsync(App.BaseAddress + "?screen=1&interval=600");
        var conn = page.GetByTestId("screen-conn");
        await Assertions.Expect(page.Locator(".scr-league li")).ToHaveCountAsync(8, new() { Timeout = 20_000 });
        await Assertions.Expect(conn).Not.ToHaveAttributeAsync("data-state", "stale");

        // Nothing answers: the screen says the figures are stale and since when, the figures stay.
        await page.RouteAsync("**/api/**", route => route.AbortAsync());
        await Assertions.Expect(conn).ToHaveAttributeAsync("data-state", "stale", new() { Timeout = 30_000 });
        await Assertions.Expect(conn).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"数据停在 \d{2}:\d{2}:\d{2}"));
        await Assertions.Expect(page.Locator(".scr-league li")).ToHaveCountAsync(8);
        await page.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath("screen-stale-1920x1080.png") });

        // The server and the hub answer again: no reload, the screen is live again (pushes over the hub).
        await page.UnrouteAsync("**/api/**");
        await page.UnrouteAsync("**/hubs/board/negotiate**");
        await Assertions.Expect(conn).Not.ToHaveAttributeAsync("data-state", "stale", new() { Timeout = 20_000 });
        await Assertions.Expect(conn).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 60_000 });
    }

    private static async Task Fits(IPage page, string what)
    {
        await page.WaitForFunctionAsync("() => document.fonts.status === 'loaded'");
        var overflow = await page.EvaluateAsync<int[]>(@"() => [document.documentElement.scrollWidth - window.innerWidth,
            document.documentElement.scrollHeight - window.innerHeight,
            // no tile or league row cuts its figure off
            [...document.querySelectorAll('.scr-value, .scr-league li')].filter(e => e.scrollWidth > e.clientWidth + 1).length]");
        Assert.True(overflow[0] <= 0 && overflow[1] <= 0, $"{what}: the screen overflows by {overflow[0]} × {overflow[1]} px");
        Assert.True(overflow[2] == 0, $"{what}: {overflow[2]} figures are cut off");
    }
}
