using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Programme.Grains.Simulation;
using Programme.Tests.Fixtures;
using Xunit.Abstractions;

namespace Programme.Tests.Simulation;

/// <summary>The scenario REST API and hub scope of the real app, with the default data loaded as the live programme.</summary>
[Collection(SharedApp.Name)]
public sealed class ScenarioApiTests(AppProcess app, ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private HttpClient City => app.Http(AppProcess.Token("city"));

    private async Task<string> Post(object body)
    {
        var response = await City.PostAsJsonAsync("/api/scenarios", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal($"/api/scenarios/{id}", response.Headers.Location?.ToString());
        return id;
    }

    private async Task<JsonElement> Completed(string id)
    {
        JsonElement view = default;
        await Eventually.Holds(async () =>
        {
            view = await app.Http().GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
            return view.GetProperty("status").GetString() != "running";
        }, TimeSpan.FromSeconds(60), () => $"scenario {id} still running");
        Assert.Equal("completed", view.GetProperty("status").GetString());
        return view;
    }

    private static string Canon(JsonElement e) => JsonSerializer.Serialize(e, Canonical);

    /// <summary>
    /// A board's figures: without its versions, forecast and warnings, which the live forecast service rewrites on its own
    /// timer (Forecast:Refresh) whether or not a scenario runs. What a scenario could corrupt (counts, money, the league)
    /// stays in; whether a scenario wrote to a firm is checked on the firms' own versions.
    /// </summary>
    private static string Figures(JsonElement board)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(board.GetRawText())!;
        void Strip(System.Text.Json.Nodes.JsonNode? n)
        {
            if (n is System.Text.Json.Nodes.JsonObject o)
            {
                foreach (var key in new[] { "version", "forecast", "warnings" }) o.Remove(key);
                foreach (var child in o.Select(kv => kv.Value).ToList()) Strip(child);
            }
            else if (n is System.Text.Json.Nodes.JsonArray a)
                foreach (var child in a) Strip(child);
        }
        Strip(node);
        return node.ToJsonString(Canonical);
    }

    [Fact]
    public async Task The_same_body_twice_gives_identical_results_equal_to_the_engine_run_anywhere_else()
    {
        var body = new
        {
            baseline = "sanmenxia-2022", seed = 42, startMonth = "2020-01", months = 36, runs = 40, enterprises = (int?)null,
            policy = new { fundCapped = true, annualFund = 40_000_000 },
        };
        var first = await Completed(await Post(body));
        var second = await Completed(await Post(body));
        Assert.Equal(Canon(first.GetProperty("results")), Canon(second.GetProperty("results")));
        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());

        var months = first.GetProperty("results").GetProperty("months");
        Assert.Equal(36, months.GetArrayLength());
        var last = months[35];
        foreach (var field in new[] { "month", "aboveScale", "covered", "coverage", "projects", "investmentCompleted", "grantsAwarded" })
            Assert.True(last.TryGetProperty(field, out _), $"months[] lacks {field}");
        Assert.InRange(first.GetProperty("results").GetProperty("probabilityFullCoverage").GetDecimal(), 0m, 1m);

        var local = await Scenarios.RunLocally(Scenarios.Define(new ScenarioRequest
        {
            Baseline = "sanmenxia-2022", Seed = 42, StartMonth = "2020-01", Months = 36, Runs = 40,
            Policy = new PolicyRequest { FundCapped = true, AnnualFund = 40_000_000 },
        }));
        Assert.Equal(Canon(JsonDocument.Parse(Scenarios.Text(local)).RootElement), Canon(first.GetProperty("results")));
    }

    [Fact]
    public async Task Two_hundred_runs_from_the_live_fork_give_the_chance_of_full_coverage_by_the_end_of_2022()
    {
        var clock = Stopwatch.StartNew();
        var id = await Post(new { baseline = "live", runs = 200 });
        var view = await Completed(id);
        var elapsed = clock.Elapsed;
        output.WriteLine($"live fork, 200 runs to 2022-12: answered in {elapsed.TotalSeconds:0.00} s (simulation {view.GetProperty("progress").GetProperty("elapsedSeconds").GetDouble():0.00} s)");

        var request = view.GetProperty("request");
        Assert.Equal("2022-09", request.GetProperty("startMonth").GetString());
        Assert.Equal(4, request.GetProperty("months").GetInt32());
        var results = view.GetProperty("results");
        Assert.Equal("2022-12", results.GetProperty("judgedAt").GetString());
        Assert.Equal(200, results.GetProperty("runs").GetInt32());
        Assert.InRange(results.GetProperty("probabilityFullCoverage").GetDecimal(), 0m, 1m);
        var counties = results.GetProperty("counties").EnumerateArray().ToList();
        Assert.Equal(8, counties.Count);
        Assert.Equal(463, counties.Sum(c => c.GetProperty("aboveScale").GetInt32()));
        Assert.All(counties, c => Assert.InRange(c.GetProperty("probabilityFullCoverage").GetDecimal(), 0m, 1m));
        // The fork starts where the live board stands: 426 of 463 covered at 2022-08, never fewer afterwards.
        Assert.True(results.GetProperty("months")[0].GetProperty("covered").GetDecimal() >= 426m);
    }

    [Fact]
    public async Task Running_scenarios_leaves_the_live_boards_and_enterprises_untouched()
    {
        var http = app.Http();
        async Task<string> Live() => string.Join("\n",
            Figures(await http.GetFromJsonAsync<JsonElement>("/api/board/city")),
            Figures(await http.GetFromJsonAsync<JsonElement>("/api/board/counties/lingbao")),
            Canon(await http.GetFromJsonAsync<JsonElement>("/api/enterprises/hengkang-aluminium")),
            Canon(await http.GetFromJsonAsync<JsonElement>("/api/counties/mianchi/enterprises?take=500")));
        // Every live firm's version, read from the firm itself: a scenario that wrote to a live firm moves it for good.
        var counties = (await http.GetFromJsonAsync<JsonElement>("/api/counties")).EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        var ids = new List<string>();
        foreach (var c in counties)
            ids.AddRange((await http.GetFromJsonAsync<JsonElement>($"/api/counties/{c}/enterprises?take=500")).GetProperty("items")
                .EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
        async Task<string> Versions()
        {
            var versions = new List<string>();
            foreach (var chunk in ids.Chunk(16))
                versions.AddRange(await Task.WhenAll(chunk.Select(async id =>
                    $"{id}@{(await http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}")).GetProperty("version").GetInt64()}")));
            return string.Join(",", versions);
        }
        Assert.True(ids.Count >= 600, $"only {ids.Count} live firms listed");
        var before = await Live();
        var versionsBefore = await Versions();
        await Completed(await Post(new { baseline = "live", runs = 20 }));
        await Completed(await Post(new { baseline = "sanmenxia-2022", runs = 5, months = 36 }));
        // No firm's version moved (so no report is on its way to a board), and the boards and firms read the same.
        Assert.Equal(versionsBefore, await Versions());
        Assert.Equal(before, await Live());
    }

    [Fact]
    public async Task Bad_requests_are_refused_naming_each_field_and_writes_need_a_writer()
    {
        var bad = await City.PostAsJsonAsync("/api/scenarios", new
        {
            baseline = "atlantis", runs = 0, months = 500, startMonth = "2020-13", policy = new { subsidyRate = 1.5, batchMonths = new[] { 4, 4 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "baseline", "runs", "months", "startMonth", "policy.subsidyRate", "policy.batchMonths" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");

        var live = await City.PostAsJsonAsync("/api/scenarios", new { baseline = "live", startMonth = "2020-01" });
        Assert.Equal(HttpStatusCode.BadRequest, live.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http().PostAsJsonAsync("/api/scenarios", new { runs = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Http(AppProcess.Token("viewer")).PostAsJsonAsync("/api/scenarios", new { runs = 1 })).StatusCode);
        var missing = await app.Http().GetAsync("/api/scenarios/no-such-scenario");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_scenario_scope_pushes_progress_until_completion_and_delete_removes_it()
    {
        var id = await Post(new { runs = 5, months = 6, paceMs = 150, paused = true });
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/board")).Build();
        var pushes = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();
        hub.On<string, JsonElement>("board", (scope, snapshot) => { if (scope == $"scenario:{id}") pushes.Writer.TryWrite(snapshot); });
        await hub.StartAsync();
        var snapshot = await hub.InvokeAsync<JsonElement>("Subscribe", $"scenario:{id}");
        Assert.Equal(id, snapshot.GetProperty("id").GetString());
        var versions = new List<long> { snapshot.GetProperty("version").GetInt64() };
        Assert.Equal(HttpStatusCode.OK, (await City.PostAsync($"/api/scenarios/{id}/resume", null)).StatusCode);
        var monthsSeen = new HashSet<int>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var push = await pushes.Reader.ReadAsync(cts.Token);
            versions.Add(push.GetProperty("version").GetInt64());
            monthsSeen.Add(push.GetProperty("progress").GetProperty("monthsDone").GetInt32());
            if (push.GetProperty("status").GetString() == "completed") break;
        }
        Assert.Equal(versions.Order(), versions);
        Assert.True(monthsSeen.Count >= 3, $"progress pushes for months {string.Join(",", monthsSeen)}");

        var listed = await app.Http().GetFromJsonAsync<JsonElement>("/api/scenarios");
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("id").GetString() == id && s.GetProperty("owner").GetString() == "city");
        Assert.Equal(HttpStatusCode.NoContent, (await City.DeleteAsync($"/api/scenarios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http().GetAsync($"/api/scenarios/{id}")).StatusCode);
        listed = await app.Http().GetFromJsonAsync<JsonElement>("/api/scenarios");
        Assert.DoesNotContain(listed.EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await City.DeleteAsync($"/api/scenarios/{id}")).StatusCode);
    }

    [Fact]
    public async Task Pause_step_and_resume_over_http()
    {
        var id = await Post(new { runs = 2, months = 5, paused = true });
        var step = await City.PostAsync($"/api/scenarios/{id}/step?months=2", null);
        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        await Eventually.Holds(async () =>
            (await app.Http().GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}")).GetProperty("progress").GetProperty("monthsDone").GetInt32() == 2,
            TimeSpan.FromSeconds(20), "two months stepped");
        var paused = await app.Http().GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
        Assert.True(paused.GetProperty("paused").GetBoolean());
        Assert.Equal("running", paused.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await City.PostAsync($"/api/scenarios/{id}/resume", null)).StatusCode);
        await Completed(id);
    }

    [Fact]
    public async Task Only_the_owner_or_city_staff_may_control_or_delete_a_scenario()
    {
        var lingbao = app.Http(AppProcess.Token("county", "lingbao"));
        var mianchi = app.Http(AppProcess.Token("county", "mianchi"));
        var created = await lingbao.PostAsJsonAsync("/api/scenarios", new { runs = 2, months = 6, paused = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal("lingbao-agent", (await app.Http().GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}")).GetProperty("owner").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await mianchi.PostAsync($"/api/scenarios/{id}/step", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mianchi.DeleteAsync($"/api/scenarios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lingbao.PostAsync($"/api/scenarios/{id}/step", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await City.PostAsync($"/api/scenarios/{id}/resume", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lingbao.DeleteAsync($"/api/scenarios/{id}")).StatusCode);
    }
}
