using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Records;

/// <summary>
/// A project's life through the project database, through the API as county agents and city staff use it: planned, reviewed
/// by the county, admitted by the city (入库), started, and a cancelled one leaving (出库) — each step in the firm's audit
/// trail and on the county's and the city's start rate (开工率). Its own app, so the database reads of
/// <see cref="ProjectDatabaseTests"/> see the default data untouched.
/// </summary>
public sealed class ProjectLifecycleTests(AppProcess app) : IClassFixture<AppProcess>
{
    [Fact]
    public async Task A_project_is_planned_reviewed_admitted_started_and_a_cancelled_one_leaves_each_in_the_trail_and_on_the_start_rate()
    {
        using var agent = app.Http(AppProcess.Token("county", "lushi"));
        using var city = app.Http(AppProcess.Token("city"));
        const string firm = "fushoutang-pharma";
        async Task<JsonElement> Board() => await city.GetFromJsonAsync<JsonElement>("/api/board/counties/lushi");
        async Task<(int Planned, int Started, int Pending, int Entered, int Exited)> Db()
        {
            var d = (await Board()).GetProperty("database");
            return (d.GetProperty("plannedStart").GetInt32(), d.GetProperty("started").GetInt32(), d.GetProperty("pending").GetInt32(),
                d.GetProperty("entered").GetInt32(), d.GetProperty("exited").GetInt32());
        }
        var before = await Db();

        // The agent enters a planned project of the third batch: proposed, not yet in the database.
        var add = await agent.PostAsJsonAsync($"/api/enterprises/{firm}/projects", new
        {
            name = "中药提取车间智能化改造", kind = "intelligent", totalInvestment = 30_000_000m, plannedThisYear = 10_000_000m,
            startMonth = "2022-08", endMonth = "2023-06", planningBatch = "2022-3",
        });
        Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        var pid = (await add.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Eventually.Holds(async () => (await Db()).Pending == before.Pending + 1, TimeSpan.FromSeconds(5), () => "pending");

        // It cannot start before it is in the database.
        var early = await agent.PutAsJsonAsync($"/api/enterprises/{firm}/projects/{pid}/progress/2022-08", new { invested = 1_000_000m });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        // The county reviews it; admitting it is the city's: the agent cannot.
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/enterprises/{firm}/projects/{pid}/entry", new { decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PostAsJsonAsync($"/api/enterprises/{firm}/projects/{pid}/entry", new { decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/enterprises/{firm}/projects/{pid}/entry", new { decision = "approve" })).StatusCode);
        // Entered, planned to start in 2022, not started yet: the start rate's base grows.
        await Eventually.Holds(async () => (await Db()) == (before.Planned + 1, before.Started, before.Pending, before.Entered + 1, before.Exited),
            TimeSpan.FromSeconds(5), () => "after entry");

        // It starts: money reported, the project is underway and the start rate counts it.
        var start = await agent.PutAsJsonAsync($"/api/enterprises/{firm}/projects/{pid}/progress/2022-08", new { invested = 1_000_000m });
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        await Eventually.Holds(async () => (await Db()) == (before.Planned + 1, before.Started + 1, before.Pending, before.Entered + 1, before.Exited),
            TimeSpan.FromSeconds(5), () => "after start");
        var rate = (await Board()).GetProperty("database").GetProperty("startRate").GetDecimal();
        Assert.Equal(Math.Round((decimal)(before.Started + 1) / (before.Planned + 1), 6), rate);
        await Eventually.Holds(async () =>
            (await city.GetFromJsonAsync<JsonElement>("/api/board/city")).GetProperty("counties").EnumerateArray()
                .Single(c => c.GetProperty("id").GetString() == "lushi").GetProperty("startRate").GetDecimal() == rate,
            TimeSpan.FromSeconds(5), () => "city league start rate");

        // A second planned project is admitted and later cancelled: it leaves the database (出库) and the start rate's base.
        var other = await agent.PostAsJsonAsync($"/api/enterprises/{firm}/projects", new
        {
            name = "污水处理站提标改造", kind = "green", totalInvestment = 8_000_000m, plannedThisYear = 8_000_000m,
            startMonth = "2022-10", endMonth = "2022-12", planningBatch = "2022-3",
        });
        var oid = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/enterprises/{firm}/projects/{oid}/entry", new { decision = "approve" })).StatusCode);
        var bogus = await agent.PostAsJsonAsync($"/api/enterprises/{firm}/projects/{oid}/exit", new { reason = "merged", mergedInto = oid });
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        var exit = await agent.PostAsJsonAsync($"/api/enterprises/{firm}/projects/{oid}/exit", new { reason = "cancelled", note = "企业调整投资计划" });
        Assert.Equal(HttpStatusCode.OK, exit.StatusCode);
        await Eventually.Holds(async () => (await Db()) == (before.Planned + 1, before.Started + 1, before.Pending, before.Entered + 1, before.Exited + 1),
            TimeSpan.FromSeconds(5), () => "after exit");

        // Key projects are the city's to name.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync($"/api/enterprises/{firm}/projects/{pid}/key", new { key = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.PutAsJsonAsync($"/api/enterprises/{firm}/projects/{pid}/key", new { key = true })).StatusCode);

        // Every step is in the firm's audit trail, field by field.
        var history = await city.GetFromJsonAsync<JsonElement>($"/api/enterprises/{firm}/history");
        var changes = history.EnumerateArray().SelectMany(h => h.GetProperty("changes").EnumerateArray()
            .Select(c => (Action: h.GetProperty("action").GetString(), Field: c.GetProperty("field").GetString(), To: c.GetProperty("after").GetString()))).ToList();
        Assert.Contains(changes, c => c.Action == "review-project-entry" && c.Field == $"projects/{pid}/entry" && c.To == "county-reviewed");
        Assert.Contains(changes, c => c.Action == "review-project-entry" && c.Field == $"projects/{pid}/entry" && c.To == "entered");
        Assert.Contains(changes, c => c.Action == "report-progress" && c.Field == $"projects/{pid}/status" && c.To == "underway");
        Assert.Contains(changes, c => c.Action == "exit-project" && c.Field == $"projects/{oid}/entry" && c.To == "exited");
        Assert.Contains(changes, c => c.Action == "exit-project" && c.Field == $"projects/{oid}/exitReason" && c.To == "cancelled");
        Assert.Contains(changes, c => c.Action == "set-key-project" && c.Field == $"projects/{pid}/key" && c.To == "true");
    }
}
