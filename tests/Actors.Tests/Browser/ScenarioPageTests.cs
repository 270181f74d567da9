using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Browser;

/// <summary>A city officer signs in on the scenario page, runs a Monte Carlo scenario and reads its chart and targets.</summary>
public sealed class ScenarioPageTests(AppProcess app) : BrowserTest(app), IClassFixture<AppProcess>
{
    [Fact]
    public async Task Running_a_scenario_shows_coverage_bands_target_probabilities_and_the_twin_comparison()
    {
        var page = await NewPage(1600, 1000);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(new Uri(App.BaseAddress, "/scenarios.html").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("“三大改造”情景模拟");

        await page.Locator("#signin-form input[name=userName]").FillAsync("city");
        await page.Locator("#signin-form input[name=password]").FillAsync("sanmenxia-2022");
        await page.Locator("#signin-form button").ClickAsync();
        await Assertions.Expect(page.Locator("#signin")).ToBeHiddenAsync();

        await page.Locator("input[name=runs]").FillAsync("30");
        await page.Locator("input[name=altOn]").CheckAsync();
        await page.Locator("#run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("scenario-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("coverage-chart")).ToBeVisibleAsync();
        // Header, the city and the eight counties; a probability column per policy (this one, the alternative, and each one's
        // own no-subsidy twin: the alternative pushes harder, so its twin is not the main policy's).
        await Assertions.Expect(page.GetByTestId("targets").Locator("tr")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("targets").Locator("tr").First.Locator("th")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByTestId("targets")).ToContainTextAsync("无补贴对照 · ");
        await Assertions.Expect(page.GetByTestId("comparison")).ToContainTextAsync("新增项目");
        await Assertions.Expect(page.GetByTestId("comparison")).ToContainTextAsync("万元");
        Assert.Matches("^#[0-9a-f]{16}$", new Uri(page.Url).Fragment);
        await Assertions.Expect(page.GetByTestId("scenario-list").Locator("li.current a")).ToHaveTextAsync(new Uri(page.Url).Fragment[1..]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("scenarios.png"), FullPage = true });

        await page.GetByTestId("lang-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByTestId("comparison")).ToContainTextAsync("Additional projects");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("scenarios-en.png"), FullPage = true });
        Assert.Empty(errors);
    }
}
