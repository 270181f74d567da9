using Microsoft.Playwright;
using Programme.Tests.Browser.OneApp;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Browser;

/// <summary>A city officer runs a sensitivity analysis and policy sweep in the app's scenarios view and reads both charts.</summary>
[Collection(SharedApp.Name)]
public sealed class AnalysisPageTests(AppProcess app) : BrowserTest(app)
{
    [Fact]
    public async Task The_analysis_runs_from_the_scenario_page_and_draws_the_tornado_and_the_frontier()
    {
        var page = await NewPage(1600, 1200);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await AppPages.SignIn(page, App, "city", "#/scenarios");

        var analysis = page.Locator("#scenario-analysis");
        await Assertions.Expect(analysis.Locator("h2")).ToHaveTextAsync("敏感性分析与政策扫描");
        await analysis.Locator("input[name=a-runs]").FillAsync("4");
        await analysis.Locator("input[name=a-seed]").FillAsync($"{Random.Shared.Next(1, 1_000_000)}");
        await analysis.Locator("input[name=a-funds]").FillAsync("2000, 10000");
        await analysis.GetByTestId("analysis-run").ClickAsync();
        await Assertions.Expect(analysis.GetByTestId("analysis-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 90_000 });
        await Assertions.Expect(analysis.GetByTestId("analysis-status")).ToContainTextAsync("完成");

        // Both charts are drawn by Chart.js, with a bar per parameter and a point per sweep combination.
        var bars = await page.EvaluateAsync<int>("() => Chart.getChart(document.querySelector('[data-testid=tornado-chart]')).data.labels.length");
        Assert.Equal(12, bars);
        var points = await page.EvaluateAsync<int>("() => Chart.getChart(document.querySelector('[data-testid=frontier-chart]')).data.datasets[1].data.length");
        Assert.Equal(3 * 3 * 2, points);
        var frontier = await page.EvaluateAsync<int>("() => Chart.getChart(document.querySelector('[data-testid=frontier-chart]')).data.datasets[0].data.length");
        Assert.InRange(frontier, 1, 18);
        await Assertions.Expect(analysis.GetByTestId("tornado-chart")).ToBeVisibleAsync();
        await Assertions.Expect(analysis.GetByTestId("frontier-chart")).ToBeVisibleAsync();
        await Assertions.Expect(analysis.GetByTestId("sweep-table").Locator("tr")).ToHaveCountAsync(1 + 18);
        await Assertions.Expect(analysis.GetByTestId("sweep-table")).ToContainTextAsync("万元");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("analysis.png"), FullPage = true });

        // The same request again is answered from the cache.
        await analysis.GetByTestId("analysis-run").ClickAsync();
        await Assertions.Expect(analysis.GetByTestId("analysis-status")).ToContainTextAsync("缓存");

        await page.GetByTestId("lang-switch").ClickAsync();
        await Assertions.Expect(analysis.Locator("h2")).ToHaveTextAsync("Sensitivity analysis and policy sweep");
        await Assertions.Expect(analysis.GetByTestId("sweep-table")).ToContainTextAsync("Cost per newly covered firm");
        Assert.Empty(errors);
    }
}
