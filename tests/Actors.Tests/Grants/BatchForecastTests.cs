using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Grants;

/// <summary>
/// The grant-pipeline forecast on the real app (its own batches of the default data's projects): the batch's REST read
/// and hub snapshot carry a forecast computed in the background; adding an application raises the expected awards; a
/// cap below them gives a run-out month and names who would wait; uncapped, never. The batches view shows it as a card
/// with the same numbers.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class BatchForecastTests(AppProcess app) : BrowserTest(app)
{
    private static readonly string City = AppProcess.Token("city", name: "forecast-staff");

    private async Task<string> NewBatch(decimal? budget)
    {
        var id = $"fc-{Guid.NewGuid():N}"[..16];
        var created = await App.Http(City).PostAsJsonAsync("/api/batches", new
        {
            id, name = "预测测试批次", windowFrom = "2022-01", windowTo = "2022-08", kinds = new[] { "intelligent", "green", "technical" },
            subsidy = new { rate = 0.3m, cap = 5_000_000m }, budget,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Applies with a project of the county that the batch takes (some have nothing in the window); returns the firm's name.</summary>
    private async Task<string> Apply(string batchId, string county)
    {
        using var http = App.Http();
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/counties/{county}/enterprises?take=60&sort=completedThisYear&desc=true&aboveScale=true");
        foreach (var item in page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("completedThisYear").GetDecimal() > 0).OrderBy(_ => Random.Shared.Next()))
        {
            var firm = await http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{item.GetProperty("id").GetString()}");
            foreach (var p in firm.GetProperty("projects").EnumerateArray())
            {
                var r = await App.Http(City).PostAsJsonAsync($"/api/batches/{batchId}/applications",
                    new { enterpriseId = firm.GetProperty("id").GetString(), projectId = p.GetProperty("id").GetString(), @class = "subsidy" });
                if (r.StatusCode == HttpStatusCode.Created) return firm.GetProperty("name").GetString()!;
            }
        }
        throw new InvalidOperationException($"no project of {county} could apply");
    }

    /// <summary>The board once its forecast is of the batch as it stands (an odd version: twice the batch's, plus one).</summary>
    private async Task<JsonElement> Forecast(string batchId)
    {
        JsonElement board = default;
        using var http = App.Http();
        await Eventually.Holds(async () =>
        {
            board = await http.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}");
            var version = board.GetProperty("version").GetInt64();
            return version % 2 == 1 && board.GetProperty("forecast") is { ValueKind: JsonValueKind.Object } f
                && f.GetProperty("forVersion").GetInt64() == version / 2;
        }, TimeSpan.FromSeconds(20), $"batch {batchId} carries the forecast of its current state");
        return board.GetProperty("forecast");
    }

    private static decimal D(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    [Fact]
    public async Task Expected_awards_grow_with_the_applications_and_a_cap_below_them_runs_out_and_names_who_would_wait()
    {
        var id = await NewBatch(null);
        var names = new List<string> { await Apply(id, "yima"), await Apply(id, "lushi") };
        var first = await Forecast(id);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("budget").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("runsOutIn").ValueKind);   // uncapped: never runs out…
        Assert.Equal(0, first.GetProperty("waiting").GetArrayLength());               // …and nobody waits
        var countyCheck = first.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "county-check");
        Assert.Equal(2, countyCheck.GetProperty("applications").GetInt32());
        Assert.InRange(D(first, "expectedAmount"), 1m, D(countyCheck, "amount") - 1m);   // not every application passes every stage
        Assert.Equal(D(first, "expectedAmount"), D(countyCheck, "expectedAmount"));

        names.Add(await Apply(id, "hubin"));
        var second = await Forecast(id);
        Assert.True(D(second, "expectedAmount") > D(first, "expectedAmount"), $"{second} after {first}");
        Assert.True(D(second, "expectedAwards") > D(first, "expectedAwards"));

        var cap = Math.Round(D(second, "expectedAmount") / 2, 0);
        var budget = new HttpRequestMessage(HttpMethod.Put, $"/api/batches/{id}/budget") { Content = JsonContent.Create(new { budget = cap }) };
        budget.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var set = await App.Http(City).SendAsync(budget);
        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
        var capped = await Forecast(id);
        Assert.Equal(cap, D(capped, "budget"));
        Assert.Matches(@"^\d{4}-\d{2}$", capped.GetProperty("runsOutIn").GetString());
        var waiting = capped.GetProperty("waiting").EnumerateArray().ToList();
        Assert.NotEmpty(waiting);
        Assert.Equal(Enumerable.Range(1, waiting.Count), waiting.Select(w => w.GetProperty("rank").GetInt32()));
        Assert.All(waiting, w => Assert.Contains(w.GetProperty("enterpriseName").GetString(), names));
        Assert.Equal(D(capped, "expectedAmount") - cap, D(capped, "shortfall"));

        // The hub's snapshot of the batch carries the same forecast.
        await using var hub = new BoardClient(App.BaseAddress);
        await hub.Connection.StartAsync();
        var snapshot = await hub.Subscribe($"batch:{id}");
        Assert.Equal(capped.GetProperty("runsOutIn").GetString(), snapshot.GetProperty("forecast").GetProperty("runsOutIn").GetString());
        Assert.Equal(waiting.Count, snapshot.GetProperty("forecast").GetProperty("waiting").GetArrayLength());
    }

    [Fact]
    public async Task The_batches_view_shows_the_forecast_card_with_its_numbers()
    {
        var id = await NewBatch(100_000m);
        await Apply(id, "yima");
        await Apply(id, "mianchi");
        var f = await Forecast(id);
        var waiting = f.GetProperty("waiting").EnumerateArray().ToList();
        Assert.NotEmpty(waiting);

        var page = await NewPage();
        await page.GotoAsync(new Uri(App.BaseAddress, $"/#/batches/{id}").ToString());
        var card = page.GetByTestId("batch-forecast");
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 15_000 });
        await Assertions.Expect(card.GetByTestId("batch-forecast-expected")).ToHaveTextAsync(Wan(D(f, "expectedAmount")));
        var runsOut = f.GetProperty("runsOutIn").GetString()!;
        var (y, m) = (int.Parse(runsOut[..4], CultureInfo.InvariantCulture), int.Parse(runsOut[5..], CultureInfo.InvariantCulture));
        await Assertions.Expect(card.GetByTestId("batch-forecast-runout")).ToContainTextAsync($"预计 {y}年{m}月 用完");
        await Assertions.Expect(card.GetByTestId("batch-forecast-budget")).ToHaveTextAsync("10.00 万元");
        var rows = card.GetByTestId("batch-forecast-waiting-row");
        await Assertions.Expect(rows).ToHaveCountAsync(waiting.Count);
        await Assertions.Expect(rows.First).ToContainTextAsync(waiting[0].GetProperty("enterpriseName").GetString()!);
        var countyCheck = card.Locator("[data-testid=batch-forecast-stage][data-stage=county-check]");
        await Assertions.Expect(countyCheck).ToContainTextAsync("县级现场核查");
        await Assertions.Expect(countyCheck.Locator("td").First).ToHaveTextAsync("2");
        // The chart draws the stages: applications there now and the awards expected of them.
        var bars = await page.EvaluateAsync<double[]>(
            "() => Chart.getChart(document.querySelector('[data-testid=batch-forecast] canvas')).data.datasets[1].data");
        var stages = f.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(stages.Count, bars.Length);
        Assert.All(stages.Zip(bars), x => Assert.InRange(x.Second, x.First.GetProperty("expectedAwards").GetDouble() - 0.051, x.First.GetProperty("expectedAwards").GetDouble() + 0.051));
        Assert.Contains(bars, b => b > 0);
        var now = await page.EvaluateAsync<int[]>(
            "() => Chart.getChart(document.querySelector('[data-testid=batch-forecast] canvas')).data.datasets[0].data");
        Assert.Equal(stages.Select(s => s.GetProperty("applications").GetInt32()), now);
    }

    /// <summary>Yuan as the page shows it in Chinese: 万元 below one 亿, else 亿元, two decimals, grouped.</summary>
    private static string Wan(decimal yuan) => yuan >= 100_000_000m
        ? (yuan / 100_000_000m).ToString("N2", CultureInfo.InvariantCulture) + " 亿元"
        : (yuan / 10_000m).ToString("N2", CultureInfo.InvariantCulture) + " 万元";
}
