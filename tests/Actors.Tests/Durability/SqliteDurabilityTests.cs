using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Domain;
using Programme.Tests.Faults;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Durability;

/// <summary>
/// The one-command product as a county office runs it — the real app process on its default SQLite file: report a month,
/// stop, start again, and the month, the accounts, the audit trail, the signed-in session and a keyed payment are all
/// still there (the default data is not loaded twice); killed with SIGKILL mid-stream, nothing acknowledged is lost.
/// </summary>
public sealed class SqliteDurabilityTests
{
    [Fact]
    public async Task Report_a_month_stop_start_again_and_the_month_the_accounts_the_audit_trail_and_the_session_are_there()
    {
        await using var app = new SqliteApp();
        await app.StartAsync();
        Assert.Contains($"Storage: SQLite at {app.DatabasePath}", app.Log);
        Assert.True(File.Exists(app.DatabasePath));

        using var agent = await Session.SignIn(app, "lingbao");
        string firm = "", project = "";
        decimal august = 0;
        foreach (var id in (await agent.Http.GetFromJsonAsync<JsonElement>("/api/counties/lingbao/enterprises?take=100&sort=id"))
                     .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!))
        {
            var underway = (await agent.Http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}")).GetProperty("projects").EnumerateArray()
                .FirstOrDefault(p => p.GetProperty("status").GetString() == "underway" && string.CompareOrdinal(p.GetProperty("startMonth").GetString(), "2022-08") <= 0);
            if (underway.ValueKind != JsonValueKind.Object) continue;
            (firm, project) = (id, underway.GetProperty("id").GetString()!);
            august = underway.GetProperty("monthly").EnumerateArray().Where(m => m.GetProperty("month").GetString() == "2022-08").Sum(m => m.GetProperty("amount").GetDecimal());
            break;
        }
        var reported = august + 1_234_500m;
        decimal Completed(JsonElement b) => b.GetProperty("investment").GetProperty("completed").GetDecimal();
        var initial = Completed(await agent.Http.GetFromJsonAsync<JsonElement>("/api/board/counties/lingbao"));
        var put = await agent.Send(HttpMethod.Put, $"/api/enterprises/{firm}/projects/{project}/progress/2022-08", new { invested = reported });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var version = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        await Eventually.Holds(async () => Completed(await agent.Http.GetFromJsonAsync<JsonElement>("/api/board/counties/lingbao")) == initial + 1_234_500m,
            TimeSpan.FromSeconds(5), "the county board shows the month");
        var boardBefore = await agent.Http.GetFromJsonAsync<JsonElement>("/api/board/counties/lingbao");

        using var city = app.Http(AppProcess.Token("city", name: "city-staff"));
        Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync("/api/users",
            new { userName = "kept-agent", displayName = "灵宝新同事", role = "county", county = "lingbao", password = "kept-password-1" })).StatusCode);
        // An award of batch 2022-1 not yet paid (the batch's declines are applications that cannot be paid).
        var awarded = await city.GetFromJsonAsync<JsonElement>("/api/batches/2022-1/applications?stage=disbursement&status=awarded&take=100");
        var application = awarded.GetProperty("items").EnumerateArray()
            .First(a => a.GetProperty("disbursed").GetDecimal() == 0 && a.GetProperty("awarded").GetDecimal() >= 1_000m).GetProperty("id").GetInt32();
        var pay = new HttpRequestMessage(HttpMethod.Post, $"/api/batches/2022-1/applications/{application}/disbursements") { Content = JsonContent.Create(new { amount = 1_000m }) };
        pay.Headers.Add("Idempotency-Key", "restart-payment-1");
        var paid = await city.SendAsync(pay);
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());
        var disbursed = (await city.GetFromJsonAsync<JsonElement>($"/api/batches/2022-1/applications/{application}")).GetProperty("disbursed").GetDecimal();

        await app.StopAsync();
        // Started again without demo accounts: the accounts are still in the file, but the published password opens none.
        app.Arguments.AddRange(["--Auth:DemoAccounts", "false"]);
        await app.StartAsync();

        var e = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{firm}");
        Assert.Equal(version, e.GetProperty("version").GetInt64());
        var month = e.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("id").GetString() == project)
            .GetProperty("monthly").EnumerateArray().Where(m => m.GetProperty("month").GetString() == "2022-08").Sum(m => m.GetProperty("amount").GetDecimal());
        Assert.Equal(reported, month);
        var history = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{firm}/history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("actor").GetString() == "lingbao" && h.GetProperty("version").GetInt64() == version);
        Assert.Equal(Recompute(boardBefore), Recompute(await agent.Http.GetFromJsonAsync<JsonElement>("/api/board/counties/lingbao")));
        // Loaded once per data folder: the default firms are there exactly once.
        Assert.Equal(boardBefore.GetProperty("enterprises").GetProperty("total").GetInt32(),
            (await agent.Http.GetFromJsonAsync<JsonElement>("/api/board/counties/lingbao")).GetProperty("enterprises").GetProperty("total").GetInt32());

        // The session signed in before the restart still works (its keys are in the data folder), and so do the accounts.
        var session = await agent.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.True(session.GetProperty("authenticated").GetBoolean(), session.ToString());
        using (var kept = await Session.SignIn(app, "kept-agent", "kept-password-1")) { }
        using var anonymous = app.Http();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "city", password = "sanmenxia-2022" })).StatusCode);

        // The payment retried after the restart with the same key pays nothing.
        var again = new HttpRequestMessage(HttpMethod.Post, $"/api/batches/2022-1/applications/{application}/disbursements") { Content = JsonContent.Create(new { amount = 1_000m }) };
        again.Headers.Add("Idempotency-Key", "restart-payment-1");
        Assert.True((await city.SendAsync(again)).IsSuccessStatusCode);
        Assert.Equal(disbursed, (await city.GetFromJsonAsync<JsonElement>($"/api/batches/2022-1/applications/{application}")).GetProperty("disbursed").GetDecimal());

        // Storage:Reset starts again from the default data.
        await app.StopAsync();
        app.Arguments.AddRange(["--Storage:Reset", "true"]);
        await app.StartAsync();
        var reset = await anonymous.GetFromJsonAsync<JsonElement>($"/api/enterprises/{firm}");
        Assert.Equal(august, reset.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("id").GetString() == project)
            .GetProperty("monthly").EnumerateArray().Where(m => m.GetProperty("month").GetString() == "2022-08").Sum(m => m.GetProperty("amount").GetDecimal()));
    }

    private static string Recompute(JsonElement board) => board.GetProperty("investment").ToString();

    [Fact]
    public async Task Killed_mid_stream_the_product_on_sqlite_loses_nothing_acknowledged()
    {
        await using var app = new SqliteApp();
        // Many fast writers: the per-account write rate limit would turn them away with 429 before the kill.
        app.Arguments.AddRange(["--Programme:Data", "empty", "--Auth:WritesPerSecond", "2000"]);
        await app.StartAsync();
        var clients = new List<HttpClient>();
        HttpClient Agent(string county, string name)
        {
            var http = app.Http(AppProcess.Token("county", county, name));
            http.Timeout = TimeSpan.FromSeconds(5);
            clients.Add(http);
            return http;
        }
        try
        {
            var firms = CountyCatalogue.All.Select(c => $"kill-{c.Id}").ToArray();
            foreach (var id in firms)
            {
                var county = id["kill-".Length..];
                var setup = Agent(county, $"{county}-setup");
                Assert.Equal(HttpStatusCode.Created, (await setup.PutAsJsonAsync($"/api/enterprises/{id}",
                    new { name = $"断电测试{id}", countyId = county, sector = "coal", aboveScale = true, status = "active" })).StatusCode);
                Assert.Equal(HttpStatusCode.Created, (await setup.PostAsJsonAsync($"/api/enterprises/{id}/projects",
                    new { name = "技术改造", kind = "technical", totalInvestment = 9_000_000_000m, plannedThisYear = 1_000_000_000m, startMonth = "2021-06", endMonth = "2023-12", status = "underway" })).StatusCode);
            }
            // Two concurrent writers per firm (one per month), each a county agent of the firm's county.
            var cells = firms.SelectMany(id => new[] { "2022-07", "2022-08" }.Select(m => new WriteLog.Cell(id, "p1", m))).ToArray();
            var agents = cells.ToDictionary(c => c, c => Agent(c.EnterpriseId["kill-".Length..], $"agent-{c}"));
            var log = new WriteLog();
            using var stop = new CancellationTokenSource();
            var running = log.Run(cells, c => agents[c], stop.Token);
            await Eventually.Holds(() => Task.FromResult(log.Acknowledged >= 300), TimeSpan.FromSeconds(30), "300 changes acknowledged before the kill");
            var killedAt = DateTime.UtcNow;
            await app.KillAsync();
            // The writers go on against the dead process (every such write is ambiguous) until it is back.
            await app.StartAsync();
            var restarted = DateTime.UtcNow - killedAt;
            await Eventually.Holds(() => Task.FromResult(log.EveryFirmServedSince(killedAt, firms)), TimeSpan.FromSeconds(30), "every firm served again after the restart");
            stop.Cancel();
            await running;
            // Killed mid-stream: writes acknowledged before the kill, writes cut off by it.
            Assert.Contains(log.Attempts, a => a.Outcome == WriteLog.Outcome.Acknowledged && a.DoneAt < killedAt);
            Assert.Contains(log.Attempts, a => a.Outcome == WriteLog.Outcome.Ambiguous && a.DoneAt >= killedAt);
            Assert.DoesNotContain(log.Attempts, a => a.Outcome == WriteLog.Outcome.Rejected);

            using var reader = app.Http();
            var problems = await log.Check(reader, id => ApiTotals.Enterprise(reader, id));
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
            await ApiTotals.AssertBoardsMatch(reader, firms, TimeSpan.FromSeconds(15));
            var line = $"SQLite one process SIGKILL: restarted and ready after {restarted.TotalSeconds:0.00} s; {log.RecoveryAfter(killedAt)}; writes: {log.Summary()}";
            var file = Path.Combine(AppProcess.RepoRoot, "artifacts", "fault-times.log");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.AppendAllText(file, $"{DateTime.UtcNow:O} {nameof(SqliteDurabilityTests)} {line}{Environment.NewLine}");
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }
}
