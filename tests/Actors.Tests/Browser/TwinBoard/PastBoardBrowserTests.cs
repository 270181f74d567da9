using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Browser.TwinBoard;

/// <summary>
/// The board page as of a past month (<c>#/?asOf=</c>) in Chromium: it says plainly that it is a past view, shows that
/// month's figures (the same as <c>GET /api/board/city?asOf=</c>), links its counties to their boards of the same month,
/// and goes back to live; on the live board a month of the trend opens that month's board; a month without records is
/// said in words.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class PastBoardBrowserTests(AppProcess app) : BrowserTest(app)
{
    [Fact]
    public async Task A_past_month_is_shown_as_a_past_view_with_that_months_figures_and_a_way_back_to_live()
    {
        using var http = App.Http();
        var may = await http.GetFromJsonAsync<JsonElement>("/api/board/city?asOf=2022-05");
        var page = await NewPage(1600, 1000);
        await page.GotoAsync(App.BaseAddress + "#/?asOf=2022-05");
        var banner = page.GetByTestId("past-banner");
        await Assertions.Expect(banner).ToContainTextAsync("历史视图：2022年5月末的看板", new() { Timeout = 20_000 });
        await Assertions.Expect(banner).ToContainTextAsync("不接收实时更新");
        await Assertions.Expect(page.GetByTestId("city-covered")).ToHaveTextAsync(may.GetProperty("enterprises").GetProperty("covered").GetInt32().ToString());
        await Assertions.Expect(page.GetByTestId("city-head")).ToContainTextAsync("2022年5月");
        await page.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath("past-city-2022-05.png") });

        // A county of the league opens at the same month.
        await page.Locator("[data-testid=county-row][data-county=lingbao] a").ClickAsync();
        await page.WaitForURLAsync("**#/county/lingbao?asOf=2022-05");
        await Assertions.Expect(page.GetByTestId("past-banner")).ToBeVisibleAsync();
        var lingbao = await http.GetFromJsonAsync<JsonElement>("/api/board/counties/lingbao?asOf=2022-05");
        await Assertions.Expect(page.GetByTestId("county-covered")).ToHaveTextAsync(lingbao.GetProperty("enterprises").GetProperty("covered").GetInt32().ToString(), new() { Timeout = 20_000 });

        // Back to live.
        await page.GetByTestId("past-back-live").ClickAsync();
        await page.WaitForURLAsync("**#/county/lingbao");
        await Assertions.Expect(page.GetByTestId("past-banner")).ToHaveCountAsync(0);
        var live = await http.GetFromJsonAsync<JsonElement>("/api/board/counties/lingbao");
        await Assertions.Expect(page.GetByTestId("county-covered")).ToHaveTextAsync(live.GetProperty("enterprises").GetProperty("covered").GetInt32().ToString(), new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task A_month_of_the_trend_opens_that_months_board_and_a_month_without_records_is_said_in_words()
    {
        var page = await NewPage(1920, 1080);
        await page.GotoAsync(App.BaseAddress.ToString());
        await Assertions.Expect(page.Locator("[data-testid=county-row]")).ToHaveCountAsync(8, new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => { const c = Chart.getChart(document.querySelector('.trend canvas')); return c && c.getDatasetMeta(0).data.length === 12 && c.data.datasets[0].data[2].y !== null; }");
        // Click March's bar where Chart.js drew it. The board may still be settling (the forecast and warnings arrive
        // after the first snapshot and the chart follows its card's new size), so a click that landed while the bar
        // moved is tried again at the bar's new place; the page must still open March's board.
        for (var attempt = 1; ; attempt++)
        {
            var at = await page.EvaluateAsync<double[]>(@"() => { const c = Chart.getChart(document.querySelector('.trend canvas'));
                const bar = c.getDatasetMeta(0).data[2]; const r = c.canvas.getBoundingClientRect();
                return [r.left + bar.x, r.top + (bar.y + bar.base) / 2]; }");
            await page.Mouse.ClickAsync((float)at[0], (float)at[1]);
            try { await page.WaitForURLAsync("**#/?asOf=2022-03", new() { Timeout = 5_000 }); break; }
            catch (TimeoutException) when (attempt < 4) { }
        }
        await Assertions.Expect(page.GetByTestId("past-banner")).ToContainTextAsync("2022年3月", new() { Timeout = 20_000 });

        await page.GotoAsync(App.BaseAddress + "#/?asOf=2030-01");
        await Assertions.Expect(page.Locator("main .banner[role=alert]")).ToContainTextAsync("没有2030年1月的看板：记录覆盖 2019年1月 至 2022年8月", new() { Timeout = 20_000 });
    }
}
