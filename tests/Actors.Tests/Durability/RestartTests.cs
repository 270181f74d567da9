using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Programme.Domain;
using Programme.Grains;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Durability;

/// <summary>
/// The product on one machine with Storage:Provider=Postgres: stop it, start it again, and every figure and every change
/// is still there — enterprises and their audit trails, county rosters (a new firm, a firm that moved), county and city
/// targets, the loaded dataset (not loaded twice), the funding batch, a finished simulation, accounts, a monthly-report
/// import. Same ServiceId throughout.
/// </summary>
public sealed class RestartTests : IAsyncLifetime
{
    private PostgresDatabase _db = null!;
    private PostgresAppProcess _app = null!;

    public async Task InitializeAsync()
    {
        _db = await PostgresDatabase.Create("restart");
        _app = new PostgresAppProcess(_db.ConnectionString);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>What a person sees, less the board versions (which only have to grow).</summary>
    private async Task<Dictionary<string, string>> Everything(HttpClient http, string importId, string scenarioId)
    {
        var seen = new Dictionary<string, string>
        {
            ["city"] = WithoutVersions(await http.GetStringAsync("/api/board/city")),
            ["users"] = await http.GetStringAsync("/api/users"),
            ["import"] = await http.GetStringAsync($"/api/imports/{importId}"),
            ["batch"] = WithoutVersions(await http.GetStringAsync("/api/batches/2022-1")),
            ["scenario"] = WithoutVersions(await http.GetStringAsync($"/api/scenarios/{scenarioId}")),
            ["scenarios"] = await http.GetStringAsync("/api/scenarios"),
        };
        foreach (var c in CountyCatalogue.All)
        {
            seen[$"county:{c.Id}"] = WithoutVersions(await http.GetStringAsync($"/api/board/counties/{c.Id}"));
            seen[$"list:{c.Id}"] = await http.GetStringAsync($"/api/counties/{c.Id}/enterprises?take=500&sort=id");
        }
        foreach (var id in new[] { "restart-new", "hengkang-aluminium" })
        {
            seen[id] = await http.GetStringAsync($"/api/enterprises/{id}");
            seen[$"{id}/history"] = await http.GetStringAsync($"/api/enterprises/{id}/history");
        }
        await using var client = await ProgrammeClient.Connect(_db.ConnectionString);
        var dataset = await client.Grains.GetGrain<IDatasetGrain>("sanmenxia-2022").GetStatus();
        seen["dataset"] = JsonSerializer.Serialize(dataset);
        foreach (var c in CountyCatalogue.All)
            seen[$"roster:{c.Id}"] = string.Join(",", (await client.Grains.GetGrain<ICountyRosterGrain>(c.Id).GetMembers()).Order(StringComparer.Ordinal));
        return seen;
    }

    private static string WithoutVersions(string json)
    {
        var node = JsonNode.Parse(json)!;
        Strip(node);
        return node.ToJsonString();

        static void Strip(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                o.Remove("version");
                foreach (var (_, child) in o) Strip(child);
            }
            else if (n is JsonArray a) foreach (var child in a) Strip(child);
        }
    }

    private static long Version(string json) => JsonNode.Parse(json)!["version"]!.GetValue<long>();

    [Fact]
    public async Task Every_figure_and_every_change_survives_stopping_and_starting_the_app()
    {
        var http = _app.Http(AppProcess.Token("city"));
        // A new firm with a project, progress, cloud and a certificate.
        Assert.Equal(HttpStatusCode.Created, (await http.PutAsJsonAsync("/api/enterprises/restart-new",
            new { name = "重启测试有限公司", countyId = "lushi", sector = "food", aboveScale = true, status = "active" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/enterprises/restart-new/projects",
            new { name = "数字化车间", kind = "intelligent", totalInvestment = 80_000_000m, plannedThisYear = 30_000_000m, startMonth = "2022-02", endMonth = "2023-03", status = "underway" })).StatusCode);
        (await http.PutAsJsonAsync("/api/enterprises/restart-new/projects/p1/progress/2022-07", new { invested = 4_500_000m })).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync("/api/enterprises/restart-new/cloud", new { month = "2022-06" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/enterprises/restart-new/certifications", new { kind = "smart-workshop", level = "city", month = "2022-05" })).EnsureSuccessStatusCode();
        // A named firm moves from Mianchi to Yima.
        var firm = await http.GetFromJsonAsync<JsonElement>("/api/enterprises/hengkang-aluminium");
        Assert.Equal("mianchi", firm.GetProperty("countyId").GetString());
        (await http.PutAsJsonAsync("/api/enterprises/hengkang-aluminium", new
        {
            name = firm.GetProperty("name").GetString(), countyId = "yima", sector = firm.GetProperty("sector").GetString(),
            aboveScale = true, status = firm.GetProperty("status").GetString(),
        })).EnsureSuccessStatusCode();
        // An account, targets raised for a county and the city, a monthly report previewed.
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/users",
            new { userName = "restart-agent", displayName = "卢氏县填报员", role = "county", county = "lushi", password = "a-long-password" })).StatusCode);
        await using (var client = await ProgrammeClient.Connect(_db.ConnectionString))
        {
            var hubin = (await client.Grains.GetGrain<ICountyGrain>("hubin").GetTotals()).Targets;
            await client.Grains.GetGrain<ICountyGrain>("hubin").SetTargets(hubin with { ProjectsThisYear = hubin.ProjectsThisYear + 7 });
            var city = await client.Grains.GetGrain<ICityGrain>(GrainKeys.City).GetBoard();
            Assert.True(city.Targets.ProjectsThisYear > 0);
        }
        var template = await http.GetByteArrayAsync("/api/imports/template?county=lushi&format=csv");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(template), "file", "lushi.csv" } };
        var preview = await http.PostAsync("/api/imports", form);
        Assert.Equal(HttpStatusCode.Created, preview.StatusCode);
        var importId = preview.Headers.Location!.ToString().Split('/').Last();
        var scenario = await http.PostAsJsonAsync("/api/scenarios", new { baseline = "sanmenxia-2022", seed = 7, startMonth = "2022-01", months = 6, runs = 1, enterprises = 200 });
        Assert.Equal(HttpStatusCode.Created, scenario.StatusCode);
        var scenarioId = (await scenario.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Eventually.Holds(async () => (await http.GetFromJsonAsync<JsonElement>($"/api/scenarios/{scenarioId}")).GetProperty("status").GetString() == "completed",
            TimeSpan.FromSeconds(30), "the simulation completes");

        await Eventually.Holds(async () => (await http.GetFromJsonAsync<JsonElement>("/api/board/counties/lushi"))
            .GetProperty("enterprises").GetProperty("total").GetInt32() == 28 + 11 + 1, TimeSpan.FromSeconds(5), "the new firm on Lushi's board");
        var before = await Everything(http, importId, scenarioId);
        var cityVersion = Version(await http.GetStringAsync("/api/board/city"));

        await _app.StopAsync();
        await _app.StartAsync();

        var after = await Everything(http, importId, scenarioId);
        foreach (var (what, seen) in before) Assert.True(seen == after[what], $"{what} changed across the restart:\nbefore {seen}\nafter  {after[what]}");
        Assert.True(Version(await http.GetStringAsync("/api/board/city")) > cityVersion, "board versions must keep growing across a restart");
        Assert.Contains("hengkang-aluminium", after["roster:yima"]);
        Assert.Contains("restart-new", after["roster:lushi"]);
        Assert.Equal(1, await _db.Scalar<long>("select count(*) from grain_state where state_name = 'dataset'"));
        // No stored state of any grain type names one of our classes (renaming them must not orphan it).
        foreach (var row in await _db.Rows("select state_name || ':' || encode(payload, 'escape') from grain_state where payload is not null"))
            Assert.DoesNotContain("Programme.", row);
    }
}
