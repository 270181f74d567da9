using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Browser;

/// <summary>A person watching the city board in a real browser sees a change made through the API without reloading.</summary>
public sealed class BoardBrowserTests(AppProcess app) : BrowserTest(app), IClassFixture<AppProcess>
{
    [Fact]
    public async Task The_city_board_shows_the_figures_and_a_change_appears_live_without_reload()
    {
        var page = await NewPage(1920, 1080);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(App.BaseAddress.ToString());
        await page.Locator("[data-testid=connection-state][data-state=connected]").WaitForAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("city-covered")).ToHaveTextAsync("426");
        await Assertions.Expect(page.GetByTestId("city-above-scale")).ToHaveTextAsync("463");
        await Assertions.Expect(page.GetByTestId("city-projects-this-year")).ToHaveTextAsync("231");
        await Assertions.Expect(page.Locator("[data-testid=county-row]")).ToHaveCountAsync(8);
        var completed = page.GetByTestId("city-completed-this-year");
        var before = decimal.Parse((await completed.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        Assert.Equal(13_700_000_000m, before);
        await page.EvaluateAsync("() => window.__noReload = 'still here'");

        using var http = App.Http(AppProcess.Token("city"));
        var firm = await http.GetFromJsonAsync<JsonElement>("/api/enterprises/dicastal-wheels");
        var project = firm.GetProperty("projects").EnumerateArray().First(p => p.GetProperty("status").GetString() == "underway");
        var august = project.GetProperty("monthly").EnumerateArray().Where(m => m.GetProperty("month").GetString() == "2022-08").Sum(m => m.GetProperty("amount").GetDecimal());
        var clock = Stopwatch.StartNew();
        var put = await http.PutAsJsonAsync($"/api/enterprises/dicastal-wheels/projects/{project.GetProperty("id").GetString()}/progress/2022-08", new { invested = august + 50_000_000m });
        put.EnsureSuccessStatusCode();
        var acknowledged = clock.Elapsed;

        await Assertions.Expect(completed).ToHaveAttributeAsync("data-value", (before + 50_000_000m).ToString(CultureInfo.InvariantCulture), new() { Timeout = 5_000 });
        var lag = clock.Elapsed - acknowledged;
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.__noReload"));
        Assert.True(lag < TimeSpan.FromSeconds(1), $"the page showed the change {lag.TotalMilliseconds:0} ms after the API acknowledged it");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("city-board.png"), FullPage = true });

        await page.GetByTestId("lang-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("city-board-en.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_county_board_lists_its_firms_and_its_one_enterprise_one_plan_list()
    {
        var page = await NewPage(1600, 1000);
        await page.GotoAsync(new Uri(App.BaseAddress, "/#/county/lingbao").ToString());
        await Assertions.Expect(page.Locator("[data-testid=enterprise-row]").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("plan-list")).ToContainTextAsync("灵宝", new() { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("county-board.png"), FullPage = true });
    }
}
