using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Records;

/// <summary>A bureau reader finds the reply's own figures on the board, each beside the other reading and with its base.</summary>
public sealed class ReplyReadingsBrowserTests(AppProcess app) : BrowserTest(app), IClassFixture<AppProcess>
{
    [Fact]
    public async Task The_city_board_shows_both_coverages_and_both_completions_in_the_replys_words()
    {
        var page = await NewPage(1920, 1080);
        await page.GotoAsync(App.BaseAddress.ToString());
        var card = page.GetByTestId("city-readings");
        // The bureau's records sit in the board's second panel (the overview fits a wall screen).
        await page.GetByTestId("city-tab-records").ClickAsync();
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("city-coverage-prior-list")).ToHaveTextAsync("96.2%", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("city-coverage-current-list")).ToHaveTextAsync("92.0%");
        await Assertions.Expect(page.GetByTestId("city-completion-of-plan")).ToHaveTextAsync("90.2%");
        await Assertions.Expect(page.GetByTestId("city-completion-of-target")).ToHaveTextAsync("91.3%");
        // The bases, in the reply's words.
        await Assertions.Expect(card).ToContainTextAsync("2021年规上企业名录 443 家，已实施改造 426 家");
        await Assertions.Expect(card).ToContainTextAsync("按2022年名录 463 家（含新入规 20 家），还差 37 家");
        await Assertions.Expect(card).ToContainTextAsync("231 个项目年度计划投资 151.8亿元，前8个月完成投资 137亿元");
        await Assertions.Expect(card).ToContainTextAsync("占年度计划完成投资目标 150亿元");
        // The project database card: the city's start rate (开工率) as the board computes it, and every county's.
        using var http = App.Http();
        var board = await http.GetFromJsonAsync<JsonElement>("/api/board/city");
        var rate = board.GetProperty("database").GetProperty("startRate").GetDecimal();
        await Assertions.Expect(page.GetByTestId("city-start-rate")).ToHaveTextAsync((rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%");
        await Assertions.Expect(page.GetByTestId("city-start-rate-counties").Locator("li")).ToHaveCountAsync(8);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("city-board-readings.png"), FullPage = true });

        await page.GotoAsync(new Uri(App.BaseAddress, "/#/county/lingbao").ToString());
        await Assertions.Expect(page.GetByTestId("county-readings")).ToContainTextAsync("新入规 5 家", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("county-coverage-current-list")).ToHaveTextAsync("91.8%");
    }
}
