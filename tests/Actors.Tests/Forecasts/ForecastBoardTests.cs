using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Forecasts;

/// <summary>
/// The live forecast and early warnings on the real app with the default data: both boards carry them over REST and the
/// hub; full coverage by 2022-12 is unlikely and the firms to go are named; covering the 37 firms through the API makes
/// full coverage certain and the coverage warning go away, pushed to an open board; a rule changed in configuration
/// changes the warnings after a restart.
/// </summary>
public sealed class ForecastBoardTests(ForecastApp app) : BrowserTest(app), IClassFixture<ForecastApp>
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    private async Task<JsonElement> BoardWithForecast(HttpClient http, string path)
    {
        JsonElement board = default;
        await Eventually.Holds(async () =>
        {
            board = await http.GetFromJsonAsync<JsonElement>(path);
            return board.TryGetProperty("forecast", out var f) && f.ValueKind == JsonValueKind.Object;
        }, Minute, $"{path} carries a forecast");
        return board;
    }

    private static double Probability(JsonElement board, string key) =>
        board.GetProperty("forecast").GetProperty("targets").GetProperty(key).GetProperty("probability").GetDouble();

    private static JsonElement[] Warnings(JsonElement board, string rule) =>
        [.. board.GetProperty("warnings").EnumerateArray().Where(w => w.GetProperty("rule").GetString() == rule)];

    [Fact]
    public async Task Full_coverage_is_unlikely_until_the_37_firms_are_covered_and_then_the_open_board_shows_it_without_reload()
    {
        using var http = App.Http();
        var city = await BoardWithForecast(http, "/api/board/city");
        var forecast = city.GetProperty("forecast");
        Assert.Equal(("2022-08", "2022-12"), (forecast.GetProperty("asOf").GetString(), forecast.GetProperty("deadline").GetString()));
        Assert.True(forecast.GetProperty("runs").GetInt32() >= 200);
        foreach (var key in new[] { "coverage", "projectsThisYear", "completedThisYear" })
        {
            var t = forecast.GetProperty("targets").GetProperty(key);
            Assert.True(t.GetProperty("p5").GetDecimal() <= t.GetProperty("expected").GetDecimal() && t.GetProperty("expected").GetDecimal() <= t.GetProperty("p95").GetDecimal(), key);
        }
        Assert.True(Probability(city, "coverage") < 0.2, "full coverage by 2022-12 is unlikely with the default data");
        var coverage = Assert.Single(Warnings(city, "coverage-forecast"), w => w.GetProperty("countyId").ValueKind == JsonValueKind.Null);
        Assert.Equal("red", coverage.GetProperty("level").GetString());
        Assert.Contains("还差 37 家", coverage.GetProperty("reason").GetString());
        Assert.Contains("37 firms to go", coverage.GetProperty("reasonEn").GetString());
        // The firms to go are named: each uncovered firm without a plan has its own warning, and the reason names firms.
        var uncovered = new List<(string Id, string Name)>();
        foreach (var c in city.GetProperty("counties").EnumerateArray().Select(c => c.GetProperty("id").GetString()))
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/counties/{c}/enterprises?covered=false&aboveScale=true&take=500");
            uncovered.AddRange(page.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("name").GetString()!)));
        }
        Assert.Equal(37, uncovered.Count);
        Assert.Contains(uncovered, f => coverage.GetProperty("reason").GetString()!.Contains(f.Name));
        var named = Warnings(city, "firm-without-plan").Select(w => w.GetProperty("enterpriseId").GetString()!).ToHashSet();
        Assert.NotEmpty(named);
        Assert.Subset(uncovered.Select(f => f.Id).ToHashSet(), named);   // named ⊆ the 37
        // A county board carries its own forecast and warnings.
        var lingbao = await BoardWithForecast(http, "/api/board/counties/lingbao");
        Assert.All(lingbao.GetProperty("warnings").EnumerateArray(), w => Assert.Equal("lingbao", w.GetProperty("countyId").GetString()));
        // …and so do the hub's snapshots.
        await using (var hub = new BoardClient(App.BaseAddress))
        {
            await hub.Connection.StartAsync();
            var snapshot = await hub.Subscribe("city");
            Assert.Equal(Probability(city, "coverage"), Probability(snapshot, "coverage"));
            Assert.NotEmpty(Warnings(snapshot, "coverage-forecast"));
        }

        var page1 = await NewPage(1920, 1080);
        await page1.GotoAsync(App.BaseAddress.ToString());
        await page1.Locator("[data-testid=connection-state][data-state=connected]").WaitForAsync(new() { Timeout = 20_000 });
        await page1.GetByTestId("city-tab-forecast").ClickAsync();
        var coverageRow = page1.Locator("[data-testid=forecast-row][data-key=coverage]");
        await Assertions.Expect(coverageRow.GetByTestId("forecast-probability")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+%$"));
        Assert.True(double.Parse((await coverageRow.GetAttributeAsync("data-probability"))!, System.Globalization.CultureInfo.InvariantCulture) < 0.2);
        var cityCoverageWarning = page1.Locator("[data-testid=warning][data-rule=coverage-forecast][data-county='']");
        await Assertions.Expect(cityCoverageWarning).ToHaveCountAsync(1);
        await Assertions.Expect(cityCoverageWarning).ToContainTextAsync("还差 37 家");
        await Assertions.Expect(cityCoverageWarning).ToContainTextAsync("红色预警");   // the level in words, not colour alone
        await page1.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("forecast-city-before.png") });
        await page1.EvaluateAsync("() => window.__noReload = 'still here'");

        // Cover the 37 firms through the API: each starts a project (a planned one if it has it, a new one otherwise).
        using var agent = App.Http(AppProcess.Token("city"));
        var clock = Stopwatch.StartNew();
        foreach (var (id, _) in uncovered)
        {
            var firm = await agent.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");
            var planned = firm.GetProperty("projects").EnumerateArray().FirstOrDefault(p => p.GetProperty("status").GetString() == "planned");
            var response = planned.ValueKind == JsonValueKind.Object
                ? await agent.PutAsJsonAsync($"/api/enterprises/{id}/projects/{planned.GetProperty("id").GetString()}/status", new { status = "underway" })
                : await agent.PostAsJsonAsync($"/api/enterprises/{id}/projects", new
                {
                    name = "一企一策 技术改造", kind = "technical", totalInvestment = 3_000_000m, plannedThisYear = 1_000_000m,
                    startMonth = "2022-08", endMonth = "2023-06", status = "underway",
                });
            Assert.True(response.IsSuccessStatusCode, $"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        await Eventually.Holds(async () => (await http.GetFromJsonAsync<JsonElement>("/api/board/city")).GetProperty("enterprises").GetProperty("uncovered").GetInt32() == 0,
            TimeSpan.FromSeconds(10), "the city board has no uncovered firm");

        // Within a minute: probability 1 and the coverage warning gone, on the open page, without reload.
        await Assertions.Expect(coverageRow).ToHaveAttributeAsync("data-probability", "1", new() { Timeout = 60_000 - (int)clock.ElapsedMilliseconds });
        await Assertions.Expect(coverageRow.GetByTestId("forecast-probability")).ToHaveTextAsync("100%");
        await Assertions.Expect(page1.Locator("[data-testid=warning][data-rule=coverage-forecast]")).ToHaveCountAsync(0);
        await Assertions.Expect(page1.Locator("[data-testid=warning][data-rule=firm-without-plan]")).ToHaveCountAsync(0);
        var took = clock.Elapsed;
        Assert.True(took < Minute, $"took {took}");
        Assert.Equal("still here", await page1.EvaluateAsync<string>("() => window.__noReload"));
        await page1.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("forecast-city-after.png") });

        var after = await http.GetFromJsonAsync<JsonElement>("/api/board/city");
        Assert.Equal(1.0, Probability(after, "coverage"));
        Assert.Empty(Warnings(after, "coverage-forecast"));
        foreach (var c in after.GetProperty("counties").EnumerateArray().Select(c => c.GetProperty("id").GetString()))
        {
            var county = await http.GetFromJsonAsync<JsonElement>($"/api/board/counties/{c}");
            Assert.Equal(1.0, Probability(county, "coverage"));
            Assert.Empty(Warnings(county, "coverage-forecast"));
        }
        Console.WriteLine($"forecast: 37 firms covered → probability 1 and warning gone on the open board after {took.TotalSeconds:F1} s");

        // A rule changed in configuration changes the warnings after a restart: coverage-forecast (rule 0) now never fires,
        // projects-forecast (rule 1) now asks for more than certainty, so every board with a project target gets it red.
        Assert.Empty(Warnings(after, "projects-forecast"));
        await App.KillAsync();
        app.Arguments.AddRange(["--Warnings:Rules:1:Amber", "101", "--Warnings:Rules:1:Red", "100.5", "--Warnings:Rules:1:Zh", "{name}项目预警 {probability}"]);
        await App.StartAsync();
        JsonElement restarted = default;
        await Eventually.Holds(async () =>
        {
            restarted = await http.GetFromJsonAsync<JsonElement>("/api/board/city");
            return restarted.TryGetProperty("warnings", out var w) && w.ValueKind == JsonValueKind.Array;
        }, Minute, "the restarted app's board carries warnings");
        var projects = Assert.Single(Warnings(restarted, "projects-forecast"), w => w.GetProperty("countyId").ValueKind == JsonValueKind.Null);
        Assert.Equal(("red", "全市项目预警 100 %"), (projects.GetProperty("level").GetString(), projects.GetProperty("reason").GetString()));
    }
}
