using Microsoft.Playwright;
using Programme.Tests.Browser.OneApp;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Browser;

/// <summary>
/// City staff switch the board to English, open the scenarios view from the shared navigation, run a Monte Carlo
/// scenario and follow it to its results, all in the language chosen on the board.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class ScenarioPageTests(AppProcess app) : BrowserTest(app)
{
    [Fact]
    public async Task A_scenario_started_in_the_app_shows_progress_bands_probabilities_and_the_twin_comparison()
    {
        var page = await NewPage(1600, 1000);
        var dialogs = AppPages.RecordDialogs(page);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await AppPages.SignIn(page, App, "city", "#/");
        await page.GetByTestId("lang-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GetByTestId("nav-scenarios").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Three Transformations — scenarios");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var form = page.GetByTestId("scenario-form");
        await Assertions.Expect(form).ToContainTextAsync("Monte Carlo runs");

        // A refused number says so next to its field, in English, and starts nothing.
        await form.Locator("input[name=runs]").FillAsync("5000");
        await page.GetByTestId("scenario-run").ClickAsync();
        await Assertions.Expect(form.Locator(".sc-field-error[data-for=runs]")).ToHaveTextAsync("Monte Carlo runs: between 1 and 1000");
        Assert.Matches("#/scenarios$", page.Url);

        await form.Locator("input[name=runs]").FillAsync("30");
        await form.Locator("select[name=paceMs]").SelectOptionAsync("300");
        await form.Locator("input[name=altOn]").CheckAsync();
        await page.GetByTestId("scenario-run").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("#/scenarios/[0-9a-f]{16}$"));
        // Progress while it runs (one month per 0.3 s), then the results.
        await Assertions.Expect(page.GetByTestId("scenario-status")).ToHaveAttributeAsync("data-status", "running", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("scenario-progress")).ToContainTextAsync("/ 36 month");
        await page.GetByTestId("scenario-pace").SelectOptionAsync("0");
        await Assertions.Expect(page.GetByTestId("scenario-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("scenario-progress")).ToContainTextAsync("36 / 36");
        await Assertions.Expect(page.GetByTestId("coverage-chart")).ToBeVisibleAsync();
        // Header, the city and the eight counties; a probability column per policy (this one, the alternative, and each one's
        // own no-subsidy twin: the alternative pushes harder, so its twin is not the main policy's).
        await Assertions.Expect(page.GetByTestId("targets").Locator("tr")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("targets").Locator("tr").First.Locator("th")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByTestId("targets")).ToContainTextAsync("No-subsidy twin · ");
        await Assertions.Expect(page.GetByTestId("comparison")).ToContainTextAsync("Additional projects");
        await Assertions.Expect(page.GetByTestId("comparison")).ToContainTextAsync("CNY");
        await Assertions.Expect(page.Locator("#scenario-analysis")).ToHaveCountAsync(1);
        var id = new Uri(page.Url).Fragment.Split('/').Last();
        await Assertions.Expect(page.GetByTestId("scenario-list").Locator($"li.current[data-scenario='{id}']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("scenarios-en.png"), FullPage = true });

        await page.GetByTestId("lang-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Assertions.Expect(page.GetByTestId("comparison")).ToContainTextAsync("新增项目", new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("comparison")).ToContainTextAsync("万元");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("scenarios.png"), FullPage = true });
        var axe = await AppPages.SeriousAxeViolations(page);
        Assert.True(axe.Count == 0, string.Join("\n", axe));
        Assert.Empty(dialogs);
        Assert.Empty(errors);
    }
}
