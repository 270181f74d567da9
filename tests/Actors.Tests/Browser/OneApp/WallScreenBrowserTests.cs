using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Browser.OneApp;

/// <summary>
/// The city board on a wall screen: it fits 1920×1080 without scrolling, secondary text is at least 16 px, every
/// status mark carries a shape and a glyph besides its colour, a money column has one unit, the header says when the
/// figures last changed; and the connection indicator is honest (connecting first, then a stale-data banner when
/// nothing answers).
/// </summary>
public sealed class WallScreenBrowserTests(AppProcess app) : BrowserTest(app), IClassFixture<AppProcess>
{
    [Fact]
    public async Task The_city_board_fits_a_1920x1080_wall_screen_and_speaks_without_colour_alone()
    {
        var page = await NewPage(1920, 1080);
        await page.GotoAsync(App.BaseAddress.ToString());
        await Assertions.Expect(page.Locator("[data-testid=county-row]")).ToHaveCountAsync(8, new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-testid=connection-state][data-state=connected]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // Let the chart and fonts settle: wait until two reads of the height agree.
        await page.WaitForFunctionAsync("() => document.fonts.status === 'loaded'");
        var (scroll, viewport) = await Heights(page);
        Assert.True(scroll <= viewport, $"the board is {scroll} px tall on a {viewport} px screen");

        // Secondary text: every visible text-bearing element of the board is at least 16 px.
        var small = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('main *, header *, nav *')]
            .filter(e => e.offsetParent !== null && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && !e.closest('canvas'))
            .filter(e => parseFloat(getComputedStyle(e).fontSize) < 16)
            .map(e => e.className + ' ' + getComputedStyle(e).fontSize + ' ' + e.textContent.trim().slice(0, 20))");
        Assert.True(small.Length == 0, "below 16 px: " + string.Join("; ", small.Take(10)));

        // Status marks: each status has its own glyph and shape, not only its colour.
        var marks = await page.EvaluateAsync<JsonElement>(@"() => [...document.querySelectorAll('.rag[data-status]')].map(e => ({
            s: e.dataset.status, glyph: e.textContent, shape: getComputedStyle(e).borderRadius + '|' + getComputedStyle(e).clipPath, label: e.getAttribute('aria-label') }))");
        var byStatus = marks.EnumerateArray().GroupBy(m => m.GetProperty("s").GetString()!).ToDictionary(g => g.Key, g => g.First());
        Assert.Contains("green", byStatus.Keys);
        Assert.Contains("red", byStatus.Keys);
        Assert.Contains("amber", byStatus.Keys);
        Assert.All(marks.EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("glyph").GetString()), "a mark without a glyph"));
        Assert.Equal(3, byStatus.Where(kv => kv.Key != "unknown").Select(kv => kv.Value.GetProperty("glyph").GetString()).Distinct().Count());
        Assert.Equal(3, byStatus.Where(kv => kv.Key != "unknown").Select(kv => kv.Value.GetProperty("shape").GetString()).Distinct().Count());
        Assert.Contains("进度正常", byStatus["green"].GetProperty("label").GetString());

        // One unit per column: the league's money column names its unit once, in the header.
        var header = await page.Locator(".league thead th").AllInnerTextsAsync();
        Assert.Contains("完成投资 / 目标（亿元）", header);
        var cells = await page.Locator(".league tbody tr td:nth-child(6)").AllInnerTextsAsync();
        Assert.All(cells, c => Assert.Matches(@"^[\d,.]+\s*/\s*[\d,.]+$", c.Trim()));

        // "更新于 HH:MM:SS" instead of a version number.
        await Assertions.Expect(page.GetByTestId("city-updated")).ToHaveTextAsync(new Regex(@"^\d{2}:\d{2}:\d{2}$"));
        Assert.DoesNotContain("版本", await page.Locator("main").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("wall-1920x1080.png") });

        // In English too (longer county names), the board still fits.
        await page.GetByTestId("lang-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("[data-testid=county-row]")).ToHaveCountAsync(8);
        (scroll, viewport) = await Heights(page);
        Assert.True(scroll <= viewport, $"in English the board is {scroll} px tall on a {viewport} px screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("wall-1920x1080-en.png") });
    }

    private static async Task<(int Scroll, int Viewport)> Heights(IPage page)
    {
        var previous = -1;
        for (var i = 0; i < 50; i++)
        {
            var h = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
            if (h == previous) break;
            previous = h;
            await page.WaitForTimeoutAsync(100);
        }
        return (previous, await page.EvaluateAsync<int>("() => window.innerHeight"));
    }

    [Fact]
    public async Task First_load_says_connecting_and_an_outage_shows_when_the_figures_were_last_updated()
    {
        var page = await NewPage(1600, 1000);
        // Hold the hub's negotiation: the header must say "connecting", not a red "disconnected".
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/hubs/board/negotiate**", async route => { await release.Task; await route.AbortAsync(); });
        await page.GotoAsync(App.BaseAddress.ToString());
        var state = page.GetByTestId("connection-state");
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "connecting");
        await Assertions.Expect(state).ToHaveTextAsync("正在连接…");
        await Assertions.Expect(page.GetByTestId("city-covered")).ToHaveTextAsync("426", new() { Timeout = 20_000 });
        release.SetResult();

        // The hub is unreachable but REST answers: polling, figures fresh, no banner.
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "disconnected", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("stale-banner")).ToBeHiddenAsync();

        // Now nothing answers: after ~10 s a banner says the figures may be stale, with the time of the last answer.
        await page.RouteAsync("**/api/**", route => route.AbortAsync());
        var banner = page.GetByTestId("stale-banner");
        await Assertions.Expect(banner).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(banner).ToHaveTextAsync(new Regex(@"最后更新于 \d{2}:\d{2}:\d{2}"));
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "offline");
        await Assertions.Expect(page.GetByTestId("city-covered")).ToHaveTextAsync("426");

        // The server answers again: the banner goes.
        await page.UnrouteAsync("**/api/**");
        await Assertions.Expect(banner).ToBeHiddenAsync(new() { Timeout = 15_000 });
    }
}
